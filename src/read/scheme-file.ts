/**
 * The scheme (methodology) file format, validated with zod. Unknown fields are errors, so a typo such
 * as `"maxx"` never passes silently. After validation a scheme is resolved into exact decimals.
 */
import * as z from 'zod/mini';
import { ParScoreError, type Problem } from '../model/problem.js';
import { resolveScheme, type NodeSpec, type Scheme } from '../model/scheme.js';
import { headerKey } from '../model/text.js';
import { parseJsonText } from './json-locate.js';

/**
 * The scheme file's zod schema, made when first needed: a run with a built-in scheme validates no
 * scheme file, and making the schema costs about a millisecond of a start.
 */
function makeSchemeFileSchema() {
  // zod/mini: the same validation as zod's classic API at a twentieth of the code to load at start-up.
  const text = (what: string) => z.string({ error: `${what} must be text` }).check(z.minLength(1, `${what} cannot be empty`));

  const label = z.strictObject(
    {
      vi: z.optional(text('vi')),
      en: z.optional(text('en')),
    },
    { error: 'must be an object such as { "vi": "...", "en": "..." }' },
  );

  const number = (what: string) => z.number({ error: `${what} must be a number` });

  const measure = z.union(
    [
      z.enum(['points', 'percent', 'ratio']),
      z.strictObject({
        scale: number('measure scale').check(
          z.positive('measure scale must be greater than 0'),
          z.refine((n) => dividesPowerOfTen(n), 'measure scale must divide a power of ten (1, 2, 4, 5, 10, 20, 100, ...) so that points stay exact decimals'),
        ),
      }),
    ],
    { error: 'measure must be "points", "percent", "ratio" or { "scale": 10 }' },
  );

  const nodeSchema = z.strictObject(
    {
      id: z
        .string({ error: 'component id must be a string' })
        .check(z.regex(/^[A-Za-z][A-Za-z0-9_.-]*$/, 'component id must start with a letter and use only letters, digits, _ . -')),
      label: z.optional(label),
      aliases: z.optional(z.array(text('an alias'), { error: 'aliases must be a list of texts' })),
      max: z.optional(number('max').check(z.positive('max must be greater than 0'))),
      part: z.optional(text('part')),
      always: z.optional(z.boolean({ error: 'always must be true or false' })),
      measure: z.optional(measure),
      kind: z.optional(z.enum(['bonus', 'penalty'], { error: 'kind must be "bonus" or "penalty"' })),
      written: z.optional(z.enum(['positive', 'negative'], { error: 'written must be "positive" or "negative"' })),
      get children() {
        return z.optional(z.array(nodeSchema, { error: 'children must be a list' }).check(z.minLength(1, 'children cannot be empty (leave it out for a leaf)')));
      },
    },
    { error: 'each component must be an object with an id and a max' },
  );
  const componentSchema = nodeSchema;

  const bandSchema = z.strictObject(
    {
      id: z.optional(text('band id')),
      min: number('band min').check(z.gte(0, 'band min must be between 0 and 100'), z.lte(100, 'band min must be between 0 and 100')),
      label: label,
    },
    { error: 'each band must be an object with a min and a label' },
  );

  return z
    .strictObject(
      {
        $schema: z.optional(z.string()),
        id: z
          .string({ error: 'id is required and must be a string' })
          .check(z.regex(/^[a-z0-9][a-z0-9._-]*$/, 'id must be lower case letters, digits, . _ - (e.g. "ha-noi-district-2024")')),
        title: z.optional(label),
        level: z.optional(text('level')),
        // Where the scheme comes from: one text, or one per language.
        source: z.optional(z.union([text('source'), label])),
        precision: z.optional(
          z.number({ error: 'precision must be a number' }).check(z.int('precision must be a whole number'), z.gte(0, 'precision must be 0 to 6'), z.lte(6, 'precision must be 0 to 6')),
        ),
        dash: z.optional(z.enum(['na', 'zero'], { error: 'dash must be "na" or "zero"' })),
        components: z.array(componentSchema, { error: 'components must be a list' }).check(z.minLength(1, 'a scheme needs at least one component')),
        overMax: z.optional(z.enum(['cap', 'allow'], { error: 'overMax must be "cap" or "allow"' })),
        bands: z.optional(z.array(bandSchema, { error: 'bands must be a list' })),
      },
      { error: 'a scheme must be a JSON object' },
    )
    .check(
      z.superRefine((s, ctx) => {
        const ids = new Map<string, string>();
        const keys = new Map<string, string>();
        // Every node of the tree: ids and header names unique, maxima where they must be.
        const check = (c: NodeSpec, path: (string | number)[], top: boolean): number => {
          if (ids.has(c.id)) ctx.addIssue({ code: 'custom', path: [...path, 'id'], message: `duplicate component id "${c.id}"`, input: c.id });
          ids.set(c.id, c.id);
          for (const name of [c.id, c.label?.vi, c.label?.en, ...(c.aliases ?? [])]) {
            if (!name) continue;
            const k = headerKey(name);
            const owner = keys.get(k);
            if (owner !== undefined && owner !== c.id) {
              ctx.addIssue({ code: 'custom', path, message: `"${name}" would match both "${owner}" and "${c.id}" (headers are compared without case, diacritics and punctuation)`, input: name });
            }
            keys.set(k, c.id);
          }
          if (c.kind && !top) ctx.addIssue({ code: 'custom', path: [...path, 'kind'], message: `"${c.id}": bonus and penalty nodes are top-level nodes`, input: c.kind });
          if (c.kind && c.children) ctx.addIssue({ code: 'custom', path: [...path, 'children'], message: `"${c.id}": a ${c.kind} node has no children`, input: c.kind });
          if (c.written && c.kind !== 'penalty') ctx.addIssue({ code: 'custom', path: [...path, 'written'], message: `"${c.id}": "written" is for penalty nodes`, input: c.written });
          if (!c.children) {
            if (c.max === undefined) ctx.addIssue({ code: 'custom', path: [...path, 'max'], message: `"${c.id}" needs a max (a node without children)`, input: c });
            return c.max ?? 0;
          }
          // Sums in hundredths of thousandths: exact for maxima with up to 5 decimals.
          const sum = c.children.reduce((acc, child, i) => acc + Math.round(check(child, [...path, 'children', i], false) * 1e5), 0) / 1e5;
          if (c.max !== undefined && Math.round(c.max * 1e5) !== Math.round(sum * 1e5)) {
            ctx.addIssue({ code: 'custom', path: [...path, 'max'], message: `"${c.id}" has max ${c.max}, but its children's maxima add up to ${sum}`, input: c.max });
          }
          return sum;
        };
        s.components.forEach((c, i) => check(c, ['components', i], true));
        if (s.components.length > 0 && !s.components.some((c) => c.kind === undefined)) ctx.addIssue({ code: 'custom', path: ['components'], message: 'a scheme needs a component that is not a bonus or a penalty', input: s.components });
        const bandIds = new Set<string>();
        s.bands?.forEach((b, i) => {
          if (!b.label.vi && !b.label.en) ctx.addIssue({ code: 'custom', path: ['bands', i, 'label'], message: 'a band needs a label ("vi" or "en")', input: b.label });
          if (b.id !== undefined) {
            if (bandIds.has(b.id)) ctx.addIssue({ code: 'custom', path: ['bands', i, 'id'], message: `duplicate band id "${b.id}"`, input: b.id });
            bandIds.add(b.id);
          }
        });
        const mins = new Set<number>();
        s.bands?.forEach((b, i) => {
          if (mins.has(b.min)) ctx.addIssue({ code: 'custom', path: ['bands', i, 'min'], message: `two bands start at ${b.min}`, input: b.min });
          mins.add(b.min);
        });
      }),
    );
}

/** Whether 10^k / n is a whole number for some k: n = 2^a 5^b (times a power of ten). */
function dividesPowerOfTen(n: number): boolean {
  let units = Math.round(n * 1e6);
  if (Math.abs(units - n * 1e6) > 1e-6 || units <= 0) return false;
  while (units % 2 === 0) units /= 2;
  while (units % 5 === 0) units /= 5;
  return units === 1;
}

let schemeFileSchemaMade: ReturnType<typeof makeSchemeFileSchema> | undefined;

/** The zod schema of a scheme file. */
export function getSchemeFileSchema(): ReturnType<typeof makeSchemeFileSchema> {
  return (schemeFileSchemaMade ??= makeSchemeFileSchema());
}

export type SchemeFile = z.infer<ReturnType<typeof makeSchemeFileSchema>>;

function issuePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)), '');
}

/** Validates parsed JSON as a scheme; problems name the bad field (`components[2].max: ...`). */
export function parseScheme(json: unknown, file = 'scheme'): { scheme?: Scheme; problems: Problem[] } {
  const result = getSchemeFileSchema().safeParse(json);
  if (result.success) return { scheme: resolveScheme(result.data), problems: [] };
  return {
    problems: result.error.issues.map((issue) => {
      const where = issuePath(issue.path);
      let message = issue.message;
      if (issue.code === 'unrecognized_keys') message = `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
      return { severity: 'error' as const, code: 'scheme-invalid', message: where ? `${where}: ${message}` : message, file };
    }),
  };
}

/** Line and column of a character offset, for JSON syntax errors. */
/** A scheme file's text -> a scheme, or a ParScoreError naming the line and column or the field. */
export function parseSchemeText(text: string, file: string): Scheme {
  const json = parseJsonText(text, file, 'scheme-invalid');
  const { scheme, problems } = parseScheme(json, file);
  if (!scheme) throw new ParScoreError(problems, 1);
  return scheme;
}
