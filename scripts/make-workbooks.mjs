// Workbooks as offices keep them: the results sheets of scripts/make-sheets.mjs (fixtures/sheets/*.fods)
// saved by LibreOffice as Excel 2007-365 (.xlsx), Excel 97-2003 (.xls) and OpenDocument (.ods),
// the fixtures of tests/cli/workbooks.test.ts. LibreOffice writes the cached results of the
// formulas, the merged header cells and the Vietnamese number format ([$-42A]0.00) as it does
// for any user. Two damaged files are made here from them: a truncated download and a workbook
// container that is password-protected (an ECMA-376 encrypted package: LibreOffice here cannot
// save one headless, so its container is written with SheetJS's CFB writer, as Excel lays it out).
//
//   apt-get install -y libreoffice-calc-nogui && node scripts/make-workbooks.mjs
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sheets = join(root, 'fixtures', 'sheets');
const out = join(root, 'fixtures', 'workbooks');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const convert = (to, names) =>
  execFileSync('soffice', ['--headless', '--convert-to', to, '--outdir', out, ...names.map((n) => join(sheets, `${n}.fods`))], { stdio: 'inherit' });
convert('xlsx', ['quang-ngai-2023-as-exported', 'quang-ngai-2023-na-lookup', 'quang-ngai-2023-fields', 'quang-ngai-2023-accounting-zero']);
convert('xls', ['quang-ngai-2023-as-exported']);
convert('ods', ['quang-ngai-2023-as-exported']);

const xlsx = readFileSync(join(out, 'quang-ngai-2023-as-exported.xlsx'));
writeFileSync(join(out, 'truncated.xlsx'), xlsx.subarray(0, Math.floor(xlsx.length / 2)));

const { CFB } = createRequire(import.meta.url)('@e965/xlsx');
const locked = CFB.utils.cfb_new();
// EncryptionInfo version 4.4 (agile encryption) and a package of ciphertext.
CFB.utils.cfb_add(locked, '/EncryptionInfo', Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]));
CFB.utils.cfb_add(locked, '/EncryptedPackage', Buffer.alloc(4096, 0x5a));
writeFileSync(join(out, 'password-protected.xlsx'), CFB.write(locked, { type: 'buffer' }));

const version = execFileSync('soffice', ['--version'], { encoding: 'utf8' }).trim();
console.log(`workbooks saved by ${version}`);
