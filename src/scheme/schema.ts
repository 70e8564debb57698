/**
 * The scheme (methodology) file format, validated with zod. Unknown fields are errors, so a typo such
 * as `"maxx"` never passes silently. After validation a scheme is resolved into exact decimals.
 */
import * as z from 'zod/mini';
import { fromNumber, type Decimal } from '../core/decimal.js';
import { headerKey } from '../core/text.js';
import type { Problem } from '../core/problem.js';

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

  const componentSchema = z.strictObject(
    {
      id: z
        .string({ error: 'component id must be a string' })
        .check(z.regex(/^[A-Za-z][A-Za-z0-9_.-]*$/, 'component id must start with a letter and use only letters, digits, _ . -')),
      label: z.optional(label),
      aliases: z.optional(z.array(text('an alias'), { error: 'aliases must be a list of texts' })),
      max: number('max').check(z.positive('max must be greater than 0')),
      part: z.optional(text('part')),
    },
    { error: 'each component must be an object with an id and a max' },
  );

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
        source: z.optional(text('source')),
        precision: z.optional(
          z.number({ error: 'precision must be a number' }).check(z.int('precision must be a whole number'), z.gte(0, 'precision must be 0 to 6'), z.lte(6, 'precision must be 0 to 6')),
        ),
        components: z.array(componentSchema, { error: 'components must be a list' }).check(z.minLength(1, 'a scheme needs at least one component')),
        bands: z.optional(z.array(bandSchema, { error: 'bands must be a list' })),
      },
      { error: 'a scheme must be a JSON object' },
    )
    .check(
      z.superRefine((s, ctx) => {
        const ids = new Map<string, number>();
        const keys = new Map<string, string>();
        s.components.forEach((c, i) => {
          if (ids.has(c.id)) ctx.addIssue({ code: 'custom', path: ['components', i, 'id'], message: `duplicate component id "${c.id}"`, input: c.id });
          ids.set(c.id, i);
          for (const name of [c.id, c.label?.vi, c.label?.en, ...(c.aliases ?? [])]) {
            if (!name) continue;
            const k = headerKey(name);
            const owner = keys.get(k);
            if (owner !== undefined && owner !== c.id) {
              ctx.addIssue({
                code: 'custom',
                path: ['components', i],
                message: `"${name}" would match both "${owner}" and "${c.id}" (headers are compared without case, diacritics and punctuation)`,
                input: name,
              });
            }
            keys.set(k, c.id);
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

let schemeFileSchemaMade: ReturnType<typeof makeSchemeFileSchema> | undefined;

/** The zod schema of a scheme file. */
export function getSchemeFileSchema(): ReturnType<typeof makeSchemeFileSchema> {
  return (schemeFileSchemaMade ??= makeSchemeFileSchema());
}

export type SchemeFile = z.infer<ReturnType<typeof makeSchemeFileSchema>>;

export interface Label {
  readonly vi: string;
  readonly en: string;
}

export interface Component {
  readonly id: string;
  readonly label: Label;
  readonly aliases: readonly string[];
  readonly max: Decimal;
  readonly part?: string;
}

export interface Band {
  readonly id: string;
  /** Lower bound of the index (%), inclusive. */
  readonly min: Decimal;
  readonly label: Label;
}

export interface Scheme {
  readonly id: string;
  readonly title: Label;
  readonly level?: string;
  readonly source?: string;
  /** Decimals shown and written (default 2). */
  readonly precision: number;
  readonly components: readonly Component[];
  /** Highest threshold first. */
  readonly bands: readonly Band[];
  /** The validated file, for printing and copying. */
  readonly file: SchemeFile;
}

function fillLabel(l: { vi?: string | undefined; en?: string | undefined } | undefined, fallback: string): Label {
  return { vi: l?.vi ?? l?.en ?? fallback, en: l?.en ?? l?.vi ?? fallback };
}

export function resolveScheme(file: SchemeFile): Scheme {
  return {
    id: file.id,
    title: fillLabel(file.title, file.id),
    ...(file.level ? { level: file.level } : {}),
    ...(file.source ? { source: file.source } : {}),
    precision: file.precision ?? 2,
    components: file.components.map((c) => ({
      id: c.id,
      label: fillLabel(c.label, c.id),
      aliases: c.aliases ?? [],
      max: fromNumber(c.max),
      ...(c.part ? { part: c.part } : {}),
    })),
    bands: [...(file.bands ?? [])]
      .sort((a, b) => b.min - a.min)
      .map((b, i) => ({ id: b.id ?? b.label.en ?? b.label.vi ?? `band-${i + 1}`, min: fromNumber(b.min), label: fillLabel(b.label, String(b.min)) })),
    file,
  };
}

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
