import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli } from './run.js';
import { tempDir } from '../helpers.js';

describe('par-score schemes', () => {
  it('lists the built-in schemes', async () => {
    const r = (await cli(['schemes']));
    expect(r.code).toBe(0);
    for (const id of ['vn-province-2022', 'vn-ministry-2022', 'quang-ngai-district-2023']) expect(r.stdout).toContain(id);
    expect(r.stdout).toContain('appraisal 61.5, impact 38.5 (sipas 10, leaders_survey 22, socio_economic 6.5)');
  });

  it('shows one scheme with its source', async () => {
    const r = (await cli(['schemes', 'vn-province-2022', '--lang', 'vi']));
    expect(r.stdout).toContain('Tổng điểm tối đa: 100');
    expect(r.stdout).toContain('Nhóm A >= 90%');
    expect(r.stdout).toContain('876/QĐ-BNV');
  });

  it('prints a scheme as JSON that can be edited and used with --scheme', async () => {
    const json = JSON.parse((await cli(['schemes', 'quang-ngai-district-2023', '--format', 'json'])).stdout);
    expect(json).toMatchObject({ id: 'quang-ngai-district-2023', components: [{ id: 'appraisal', max: 72 }, { id: 'survey', max: 28 }] });
    json.id = 'my-district-scheme';
    json.bands = [{ min: 80, label: { vi: 'Tốt', en: 'Good' } }];
    const dir = tempDir('scheme');
    const p = join(dir, 'mine.json');
    writeFileSync(p, JSON.stringify(json, null, 2));
    const r = (await cli(['rank', 'fixtures/quang-ngai-districts-2023.csv', '--scheme', p, '--format', 'json']));
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.scheme.id).toBe('my-district-scheme');
    expect(doc.summary.bands.map((b: { id: string | null; count: number }) => [b.id, b.count])).toEqual([["Good", 9], [null, 4]]);
  });

  it('rejects an unknown scheme id with exit 2', async () => {
    const r = (await cli(['schemes', 'nope']));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown scheme "nope"');
  });
});
