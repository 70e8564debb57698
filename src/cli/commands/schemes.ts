/** `par-score schemes [id]`: list the built-in schemes, or print one (as JSON to copy and edit). */
import type { Command } from 'commander';
import { builtinSchemes } from '../../read/builtin.js';
import { describeScheme, listSchemes } from '../../write/schemes.js';
import { register, resolveSchemeOption, type CommandSpec } from '../command.js';
import type { Context } from '../context.js';

const OPTIONS = [['format', { choices: ['table', 'json', 'md'] }], 'lang', ['color', { help: 'no colours' }]] as const;

const spec: CommandSpec<typeof OPTIONS> = {
  name: 'schemes',
  summary: 'list the built-in schemes, or show one',
  description: 'Lists the built-in schemes (methodologies), or shows one; --format json prints a scheme file to copy and edit.',
  args: [{ name: 'id', help: 'a built-in scheme id or a scheme JSON file', optional: true }],
  options: OPTIONS,
  examples: [],
  async run(job) {
    const o = job.o;
    const id = job.args[0] || undefined;
    if (id === undefined) {
      const all = builtinSchemes();
      return { output: o.format === 'json' ? `${JSON.stringify(all.map((s) => s.file), null, 2)}\n` : listSchemes(all, o.lang, o.format === 'md') };
    }
    const scheme = resolveSchemeOption(id);
    if (o.format === 'json') return { output: `${JSON.stringify(scheme.file, null, 2)}\n` };
    return { output: o.format === 'md' ? describeScheme(scheme, o.lang, true) : (await job.colour()).reset(describeScheme(scheme, o.lang, false)) };
  },
};

export function registerSchemes(program: Command, ctx: Context): void {
  register(program, ctx, spec);
}
