import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mdCell } from '../../src/write/markdown.js';

/** The rule written out in full: every cell through every replacement. */
const escapedInFull = (text: string) =>
  text
    .replace(/\r?\n/g, ' ')
    .replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;');

describe('Markdown cells', () => {
  it('escape markup, join lines and leave plain text as it is', () => {
    expect(mdCell('Huyện Bình Sơn')).toBe('Huyện Bình Sơn');
    expect(mdCell('87.50')).toBe('87.50');
    expect(mdCell('A | B')).toBe('A \\| B');
    expect(mdCell('<b>Xã *Một*</b>')).toBe('\\<b\\>Xã \\*Một\\*\\</b\\>');
    expect(mdCell('Sở Nội vụ & Tư pháp')).toBe('Sở Nội vụ &amp; Tư pháp');
    expect(mdCell('dòng 1\r\ndòng 2\ndòng 3')).toBe('dòng 1 dòng 2 dòng 3');
    expect(mdCell('a\rb')).toBe('a\rb');
  });

  it('are the full rule for any text', () => {
    const char = fc.constantFrom('a', 'Đ', ' ', '1', '.', '\r', '\n', '\\', '`', '*', '_', '[', ']', '<', '>', '|', '~', '&', '#');
    fc.assert(
      fc.property(fc.array(char, { maxLength: 12 }), (chars) => {
        const text = chars.join('');
        expect(mdCell(text)).toBe(escapedInFull(text));
      }),
      { numRuns: 1000 },
    );
  });
});
