// The reference job in DuckDB: read the CSV, sum the 8 components exactly (DECIMAL), index =
// total / max x 100 rounded to 2 decimals, rank (1-2-2-4), write JSON to stdout.
//   node bench/duckdb-job.mjs <file.csv> <max1,max2,...> [full] [threads=N]
// With `full`, each unit carries what par-score's JSON carries too: its band (A from 90), and per
// component its points, maximum, index and rank (one JSON object per line rather than indented).
// `threads=N`: DuckDB's threads (2 by default, as many as the benchmark machine has).
import { DuckDBInstance } from '@duckdb/node-api';

const [file, maxList, ...flags] = process.argv.slice(2);
const mode = flags.includes('full') ? 'full' : undefined;
const threads = flags.find((f) => f.startsWith('threads='))?.slice('threads='.length) ?? '2';
const maxima = maxList.split(',').map(Number);
const max = maxima.reduce((a, b) => a + b, 0);
const db = await DuckDBInstance.create(':memory:', { threads });
const c = await db.connect();
const cols = maxima.map((_, i) => `c${i + 1}`);
const types = Object.fromEntries([['code', 'VARCHAR'], ['unit', 'VARCHAR'], ...cols.map((k) => [k, 'DECIMAL(18,2)'])]);
const components = cols
  .map((k, i) => `'${k}': {'applicable': true, 'points': ${k}, 'max': ${maxima[i]}, 'index': round(${k} * 100 / ${maxima[i]}::DECIMAL(18,2), 2), 'rank': rank() OVER (ORDER BY ${k} DESC)}`)
  .join(', ');
const extra =
  mode === 'full'
    ? `, count(*) OVER () AS "of", NULL AS block, true AS ranked, CASE WHEN idx >= 90 THEN {'id': 'A', 'label': {'vi': 'A', 'en': 'A'}} END AS band, {${components}} AS components, NULL AS previous, NULL AS "change"`
    : '';
await c.run(`
  COPY (
    SELECT rank() OVER (ORDER BY idx DESC) AS rank, unit, code, total, ${max} AS max, round(idx, 2) AS "index"${extra}
    FROM (
      SELECT *, (${cols.join(' + ')}) AS total, (${cols.join(' + ')}) * 100 / ${max}::DECIMAL(18,2) AS idx
      FROM read_csv('${file}', header = true, columns = ${JSON.stringify(types).replace(/"/g, "'")})
    )
    ORDER BY rank, unit
  ) TO '/dev/stdout' (FORMAT JSON, ARRAY true)`);
