import { describe, expect, it } from 'vitest';
import { Chalk } from 'chalk';
import { displayWidth, renderBox } from '../../src/render/box.js';

describe('box tables', () => {
  const o = { head: ['Rank', 'Đơn vị', 'Chỉ số (%)'], numeric: [true, false, true], colour: new Chalk({ level: 0 }) };
  const rows = Array.from({ length: 2500 }, (_, i) => [String(i + 1), `Xã Hòa ${i}`.repeat(1 + (i % 3)), (99 - i / 100).toFixed(2)]);

  it('draws large tables exactly as cli-table3 does', () => {
    expect(renderBox(o, rows, 1000)).toBe(renderBox(o, rows));
    expect(renderBox(o, rows, 7)).toBe(renderBox(o, rows));
  });

  it('renders more rows than cli-table3 can take in one call, quickly', () => {
    const many = Array.from({ length: 150_000 }, (_, i) => [String(i), 'x', '1.00']);
    expect(renderBox(o, many).split('\n')).toHaveLength(150_000 + 3);
  });

  it('measures Vietnamese as one column per letter, wide characters as two, ANSI as nothing', () => {
    expect(displayWidth('Quảng Ngãi')).toBe(10);
    expect(displayWidth('Quảng Ngãi'.normalize('NFD'))).toBe(10);
    expect(displayWidth('\u001b[32m▲7\u001b[39m')).toBe(2);
    expect(displayWidth('漢字')).toBe(4);
  });
});
