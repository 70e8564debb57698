/**
 * Messages in Vietnamese: one catalogue keyed by the stable problem codes. A problem is made in
 * English where it is found (the reader, the model); the catalogue (messages-vi.ts) lists, for each
 * code, the shapes its English message takes as patterns whose groups are the data it quotes (a
 * unit, a header, a number), and the Vietnamese sentence they go into. Hints, which many codes
 * share, are a list of their own. No runtime i18n framework: a lookup by code and a few regular
 * expressions, built only when a run is in Vietnamese.
 *
 * tests/unit/messages.test.ts runs every problem the test corpus makes in both languages and fails
 * on a code without an entry, a message no pattern matches, or Vietnamese that still reads English.
 */
import type { Problem } from '../model/problem.js';
import type { Lang } from './words.js';
import { apply, catalogue, commanderRules, hintRules, type Rule } from './messages-vi.js';

const lazy: { vi?: Readonly<Record<string, readonly Rule[]>>; hints?: readonly Rule[]; commander?: readonly Rule[] } = {};

/** A message of commander's in the language (its own words in English). */
export function localiseCommander(text: string, lang: Lang): string {
  if (lang !== 'vi') return text;
  const trimmed = text.replace(/\n$/, '');
  const vi = apply((lazy.commander ??= commanderRules()), trimmed);
  return vi === undefined ? text : vi + (text.endsWith('\n') ? '\n' : '');
}

/** The message of a problem in Vietnamese, or undefined when the catalogue has no shape for it. */
export function viMessage(code: string, message: string): string | undefined {
  return apply((lazy.vi ??= catalogue())[code], message);
}

/** Whether the catalogue has an entry for the code. */
export function hasEntry(code: string): boolean {
  return Object.hasOwn((lazy.vi ??= catalogue()), code);
}

/**
 * Numbers par-score writes into a message with a decimal point (63.26), with a decimal comma as
 * Vietnamese writes them; what the message quotes from a file ("60.5") stays as it was written.
 */
export function viNumbers(text: string): string {
  return text
    .split(/("[^"]*"|`[^`]*`)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/(?<![\w.\/\\-])(\d+)\.(\d+)(?![\w.\/\\])/g, '$1,$2')))
    .join('');
}

/** A problem as the language shows it (English as made; Vietnamese from the catalogue). */
export function localise(p: Problem, lang: Lang): Problem {
  if (lang !== 'vi') return p;
  const translated = viMessage(p.code, p.message);
  const message = translated === undefined ? p.message : viNumbers(translated);
  const hint = p.hint === undefined ? undefined : (apply((lazy.hints ??= hintRules()), p.hint) ?? p.hint);
  return { ...p, message, ...(hint !== undefined ? { hint } : {}) };
}
