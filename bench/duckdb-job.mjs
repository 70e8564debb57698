// The reference job in DuckDB: read the CSV, sum the 8 components exactly (DECIMAL), index =
// total / max x 100 rounded to 2 decimals, rank (1-2-2-4), write JSON to stdout.
//   node bench/duckdb-job.mjs <file.csv> <max>
import { DuckDBInstance } from '@duckdb/node-api';

const [file, max] = process.argv.slice(2);
const db = await DuckDBInstance.create(':memory:', { threads: '2' });
const c = await db.connect();
const cols = Array.from({ length: 8 }, (_, i) => `c${i + 1}`);
const types = Object.fromEntries([['code', 'VARCHAR'], ['unit', 'VARCHAR'], ...cols.map((k) => [k, 'DECIMAL(18,2)'])]);
await c.run(`
  COPY (
    SELECT rank() OVER (ORDER BY idx DESC) AS rank, unit, code, total, ${max} AS max, round(idx, 2) AS "index"
    FROM (
      SELECT unit, code, (${cols.join(' + ')}) AS total, (${cols.join(' + ')}) * 100 / ${max}::DECIMAL(18,2) AS idx
      FROM read_csv('${file}', header = true, columns = ${JSON.stringify(types).replace(/"/g, "'")})
    )
    ORDER BY rank, unit
  ) TO '/dev/stdout' (FORMAT JSON, ARRAY true)`);
