/**
 * The Vietnamese catalogue of src/write/messages.ts: for each problem code, the shapes its English
 * message takes (a pattern whose groups are the data it quotes) and the Vietnamese sentence they go
 * into; the checks of a scheme file; the hints; commander's own messages. Built on first use.
 */
export type Rule = readonly [RegExp, string | ((...groups: string[]) => string)];

/** The first rule whose pattern matches `text`, applied; undefined when none does. */
export function apply(rules: readonly Rule[] | undefined, text: string): string | undefined {
  for (const [pattern, out] of rules ?? []) {
    const m = pattern.exec(text);
    if (!m) continue;
    return typeof out === 'string' ? text.replace(pattern, out) : out(...m.slice(1).map((g) => g ?? ''));
  }
  return undefined;
}

let schemeCache: readonly Rule[] | undefined;

/** "2023" -> "năm 2023"; "the previous year", "this year" -> "năm trước", "năm nay". */
function yearOf(label: string): string {
  return /^\d{4}$/.test(label) ? `năm ${label}` : terms(label);
}

/** Words of the data par-score itself puts into messages ("this year", "no band"). */
function terms(text: string): string {
  return text
    .replace(/\bthe previous year\b/g, 'năm trước')
    .replace(/\bthis year\b/g, 'năm nay')
    .replace(/\bno band\b/g, 'không xếp loại')
    .replace(/\(none\)/g, '(không có)')
    .replace(/\bline (\d+)/g, 'dòng $1')
    .replace(/\blines (\d+)-(\d+)/g, 'dòng $1-$2')
    .replace(/\bcolumn (\d+)/g, 'cột $1')
    .replace(/ or /g, ' hoặc ');
}

const rows = (n: string) => (n === '1 row is not a unit and was' ? '1 dòng không phải đơn vị và đã được bỏ qua' : `${n.replace(/ rows are not units and were$/, '')} dòng không phải đơn vị và đã được bỏ qua`);

/** Made on first use (a run in English never needs it). */
export const catalogue = (): Readonly<Record<string, readonly Rule[]>> => ({
  // The file.
  encoding: [
    [/^the file looks like UTF-16 without a byte-order mark, which cannot be read reliably$/, 'tệp có vẻ là UTF-16 không có dấu BOM, không đọc được chắc chắn'],
    [/^the file starts with a (\S+) byte-order mark but is not valid \S+ \(truncated or damaged\)$/, 'tệp bắt đầu bằng dấu BOM $1 nhưng không phải $1 hợp lệ (bị cắt hoặc hỏng)'],
    [/^the file is not UTF-8 \(byte (\S+) at byte (\d+)\); it was probably saved as Windows-1258, TCVN3 or another "ANSI" code page$/, 'tệp không phải UTF-8 (byte $1 ở vị trí $2); có lẽ tệp được lưu bằng bảng mã Windows-1258, TCVN3 hoặc một bảng mã "ANSI" khác'],
  ],
  'binary-file': [
    [/^this is not a text file \(it contains NUL bytes\); expected a CSV file$/, 'đây không phải tệp văn bản (có byte NUL); cần một tệp CSV hoặc bảng tính'],
    [/^this is not a text file \(it contains NUL characters\)$/, 'đây không phải tệp văn bản (có ký tự NUL)'],
  ],
  'bom-in-middle': [[/^a byte-order mark \(U\+FEFF\) in the middle of the file: .*$/, 'có dấu BOM (U+FEFF) ở giữa tệp: hai tệp bị nối vào nhau? Xóa dấu thừa hoặc lưu lại tệp']],
  'first-sheet': [[/^the first sheet \("(.+)"\) was read; the workbook's sheets are (.+)$/, 'đã đọc trang tính đầu tiên ("$1"); các trang tính của tệp là $2']],
  'empty-file': [
    [/^the file is empty \(no header, no rows\)$/, 'tệp trống (không có dòng tiêu đề, không có dòng dữ liệu)'],
    [/^the crosswalk file is empty$/, 'tệp đối chiếu đơn vị (crosswalk) trống'],
    [/^the first sheet \("(.+)"\) is empty; the workbook's sheets are (.+)$/, 'trang tính đầu tiên ("$1") trống; các trang tính của tệp là $2'],
  ],
  'unterminated-quote': [[/^a quoted field opened on this line is never closed \(missing closing "\)$/, 'một ô mở dấu ngoặc kép ở dòng này nhưng không đóng (thiếu " đóng)']],
  'bad-quote': [[/^a quote \("\) inside a field must be doubled \(""\) and quoted fields must end at a delimiter$/, 'dấu ngoặc kép (") trong một ô phải viết đôi ("") và ô trong ngoặc kép phải kết thúc ở dấu phân cách']],
  'ragged-row': [
    [/^this row has (\d+) fields but the header \(line (\d+)\) has (\d+)$/, 'dòng này có $1 ô nhưng dòng tiêu đề (dòng $2) có $3'],
    [/^the header has (\d+) fields but every row has (\d+)$/, 'dòng tiêu đề có $1 ô nhưng mọi dòng dữ liệu có $2'],
  ],
  'cell-too-long': [
    [/^this cell is ([\d,]+) characters long; the limit is ([\d,]+)$/, 'ô này dài $1 ký tự; giới hạn là $2'],
    [/^this header is ([\d,]+) characters long; the limit is ([\d,]+)$/, 'tiêu đề này dài $1 ký tự; giới hạn là $2'],
  ],
  'input-too-large': [[/^the workbook unpacks to ([\d,]+) MiB, more than the (\d+) MiB a results workbook can need$/, 'tệp bảng tính giải nén ra $1 MiB, nhiều hơn $2 MiB mà một bảng kết quả có thể cần'], [/^(.+?) is larger than (.+)$/, '$1 lớn hơn $2'], [/^the input is larger than (.+)$/, 'dữ liệu vào lớn hơn $1'], [/^(.*)$/, (m) => `dữ liệu vào quá lớn: ${m}`]],
  'data-above-header': [[/^this row is above the header \(line (\d+)\) but holds numbers: a unit would be left out$/, 'dòng này nằm trên dòng tiêu đề (dòng $1) nhưng có số liệu: một đơn vị sẽ bị bỏ sót']],
  'row-below-notes': [[/^this row holds scores but is below the notes that start on line (\d+): a unit would be left out$/, 'dòng này có điểm nhưng nằm dưới phần ghi chú bắt đầu ở dòng $1: một đơn vị sẽ bị bỏ sót']],
  'no-units': [[/^the file has a header but no unit rows$/, 'tệp có dòng tiêu đề nhưng không có dòng đơn vị nào'], [/^(.+) lists no units$/, '$1 không liệt kê đơn vị nào']],
  // The header.
  'missing-column': [
    [/^no unit column: expected a header such as (.+)$/, (list) => `không có cột đơn vị: cần một tiêu đề như ${terms(list)}`],
    [/^no column for (?:component )?(".+?") \(maximum (\S+)\); expected a header such as (.+)$/, 'không có cột cho $1 (tối đa $2); cần một tiêu đề như $3'],
    [/^a crosswalk needs an "old" and a "new" column \(also: c\u0169 \/ m\u1edbi, from \/ to\)$/, 'tệp đối chiếu cần cột "cũ" và cột "mới" (hoặc old / new, from / to)'],
    [/^the unit list needs a unit column \((.+)\)$/, 'danh sách đơn vị cần một cột đơn vị ($1)'],
  ],
  'duplicate-column': [
    [/^(.+) appears twice: (.+) \(column (\d+)\) and (.+)$/, (what, a, c, b) => `${what.replace(/^the column for (".+")$/, 'cột của $1').replace(/^the unit column$/, 'cột đơn vị').replace(/^the (code|block|year|total|ranked) column$/, (_, k: string) => `cột ${({ code: 'mã', block: 'khối', year: 'năm', total: 'tổng điểm', ranked: 'có xếp hạng' } as Record<string, string>)[k]}`)} xuất hiện hai lần: ${a} (cột ${c}) và ${b}`],
    [/^the column for "(.+)" is in both (.+) and (.+)$/, 'cột của "$1" có trong cả $2 và $3'],
    [/^(.+) has the same score columns as (.+): files given together are joined as parts of one year$/, '$1 có cùng các cột điểm với $2: các tệp cùng đưa vào được ghép thành các phần của một năm'],
  ],
  'percent-column': [
    [/^"(.+)" holds (.+), not points: read as points, (\S+) \(maximum (.+)\) would be wrong$/, (h, what, id, max) => `"${h}" chứa ${what.replace(/^ratios \(every value is at most 1, e\.g\. (.+)\)$/, 'tỷ lệ (mọi giá trị đều không quá 1, ví dụ $1)').replace(/^percentages \(e\.g\. (.+)\)$/, 'phần trăm (ví dụ $1)').replace(/^percentages(.*)$/, 'phần trăm$1')}, không phải điểm: đọc như điểm thì ${id} (tối đa ${max}) sẽ sai`],
    [/^"(.+)" is a percentage, not points: read as points, the score would be wrong$/, '"$1" là phần trăm, không phải điểm: đọc như điểm thì điểm số sẽ sai'],
  ],
  'group-without-subtotal': [[/^(.+)$/, (m) => `nhóm cột không có cột cộng: ${m.replace(/^"(.+?)" spans (\d+) columns.*$/, '"$1" gồm $2 cột')}; par-score không tự cộng các cột theo phỏng đoán`]],
  'scheme-maxima-differ': [
    [/^"(.+)" states a maximum of (.+), but (\S+) of scheme (\S+) has (.+)$/, '"$1" ghi điểm tối đa $2, nhưng $3 của bộ chỉ số $4 là $5'],
    [/^the columns are those of scheme (\S+), but their headers state other maxima: (.+)$/, (id, list) => `các cột là của bộ chỉ số ${id}, nhưng tiêu đề ghi điểm tối đa khác: ${list.replace(/\(the scheme's maximum is (\S+)\)/g, '(điểm tối đa của bộ chỉ số là $1)')}`],
  ],
  'unknown-column': [
    [/^column (.+) is not part of scheme (\S+) and is ignored$/, 'cột $1 không thuộc bộ chỉ số $2 và được bỏ qua'],
    [/^column (.+) is not part of "(.+)" in scheme (\S+) and is ignored$/, 'cột $1 không thuộc "$2" trong bộ chỉ số $3 và được bỏ qua'],
  ],
  'unnamed-column': [
    [/^column (\d+) has a value but no header: in a comma-separated file an unquoted decimal comma \("12,05"\) shifts a value into it$/, 'cột $1 có giá trị nhưng không có tiêu đề: trong tệp phân cách bằng dấu phẩy, một dấu phẩy thập phân không nằm trong ngoặc kép ("12,05") đẩy một giá trị sang cột này'],
    [/^column (\d+) has values but no header and is ignored$/, 'cột $1 có giá trị nhưng không có tiêu đề và được bỏ qua'],
  ],
  // A cell.
  'not-a-number': [
    [/^(.+): "(.+)" is not a number$/, '$1: "$2" không phải là số'],
    [/^"(.+)" is not a number$/, '"$1" không phải là số'],
    [/^(.*)"(.+)" has more than (\d+) significant digits; round it to the decimals the scheme uses$/, '$1"$2" có hơn $3 chữ số có nghĩa; hãy làm tròn đến số chữ số thập phân của bộ chỉ số'],
    [/^(.*)"(.+)" uses a thousands separator; write points without one \(e\.g\. 1234,5\)$/, '$1"$2" dùng dấu phân cách hàng nghìn; hãy viết điểm không có dấu này (ví dụ 1234,5)'],
    [/^(.*)"(.+)" is in exponent notation; write the value as a plain decimal$/, '$1"$2" viết dạng lũy thừa; hãy viết số thập phân thông thường'],
    [/^(.*)"(.+)" has no digit before the decimal separator; write (.+)$/, '$1"$2" không có chữ số trước dấu thập phân; hãy viết $3'],
    [/^(.*)"(.+)" ends with a decimal separator$/, '$1"$2" kết thúc bằng dấu thập phân'],
    [/^(.*)"(.+)" has a \+ sign; write the number alone$/, '$1"$2" có dấu +; hãy chỉ viết số'],
    [/^(.+): "(.+)" has more than (\d+) decimals$/, '$1: "$2" có hơn $3 chữ số thập phân'],
  ],
  'negative-value': [[/^(.*?)(\S+) is negative; points cannot be below 0$/, '$1$2 là số âm; điểm không thể nhỏ hơn 0']],
  'formula-error': [[/^(.*?)(\S+) is a spreadsheet error value: the formula that should give this cell failed$/, '$1$2 là giá trị lỗi của bảng tính: công thức tính ô này bị lỗi']],
  'ambiguous-dash': [[/^(.+): "-" for (.+) could be 0 \(Excel's Accounting format shows zero as "-"\) or "not applicable"$/, '$1: "-" của $2 có thể là 0 (định dạng Kế toán của Excel hiển thị số 0 là "-") hoặc "không áp dụng"']],
  'not-applicable-here': [[/^(.+): (.+) is marked not applicable, but this component applies to every unit$/, '$1: $2 được ghi là không áp dụng, nhưng thành phần này áp dụng cho mọi đơn vị']],
  'missing-value': [
    [/^(.+) is empty for (.+)$/, '$1 bị trống ở $2'],
    [/^a crosswalk line needs both an old and a new unit$/, 'mỗi dòng đối chiếu cần cả đơn vị cũ và đơn vị mới'],
    [/^(.+): "(.+)" is empty \(--totals declared ranks on it\)$/, '$1: "$2" bị trống (--totals declared xếp hạng theo cột này)'],
  ],
  'missing-unit-name': [[/^the unit name is empty$/, 'tên đơn vị bị trống']],
  'value-above-max': [
    [/^(.+): (\S+) is above the maximum (\S+) for (.+)$/, '$1: $2 vượt quá điểm tối đa $3 ở $4'],
    [/^(.+): (\S+) is above (\S+), the top of its measure for (.+)$/, '$1: $2 vượt quá $3, mức cao nhất của thang đo, ở $4'],
  ],
  'mixed-decimal-separator': [
    [/^"(.+)" uses (.+), but this file writes decimals with (.+) \(e\.g\. line (\d+), column (\d+)\)$/, (h, minor, major, l, c) => `"${h}" dùng ${sep(minor)}, nhưng tệp này viết số thập phân bằng ${sep(major)} (ví dụ dòng ${l}, cột ${c})`],
    [/^and ([\d,]+) more cells with (.+)$/, (n, minor) => `và ${n} ô khác dùng ${sep(minor)}`],
  ],
  'bad-flag': [[/^(.+) must be yes\/no \(c\u00f3\/kh\u00f4ng, x\/empty, true\/false\), not "(.*)"$/, '$1 phải là có/không (x/để trống, yes/no, true/false), không phải "$2"']],
  'too-precise': [
    [/^(.+): (\S+) has too many digits to be turned into points exactly$/, '$1: $2 có quá nhiều chữ số để đổi thành điểm chính xác'],
    [/^the scores have (\d+) decimals: with a maximum of (.+) points, totals would lose exactness$/, 'điểm có $1 chữ số thập phân: với điểm tối đa $2, tổng điểm sẽ mất độ chính xác'],
  ],
  // The file's own figures.
  'total-mismatch': [[/^(.+): "(.+)" is (\S+), but the components add up to (\S+): (\S+) apart, more than rounding explains \((.+)\)$/, '$1: "$2" là $3, nhưng tổng các thành phần là $4: chênh $5, nhiều hơn mức làm tròn ($6)']],
  'subtotal-mismatch': [
    [/^(.+): "(.+)" is (\S+), but its (\d+) children add up to (\S+)$/, '$1: "$2" là $3, nhưng $4 mục con cộng lại là $5'],
    [/^(.+): (.+) for (.+), but the (\d+) other columns of "(.+)" add up to (.+)$/, (h, v, u, n, g, sum) => `${h}: ${v === 'not applicable' ? 'không áp dụng' : v} ở ${u}, nhưng ${n} cột còn lại của "${g}" cộng lại là ${sum === 'not applicable' ? 'không áp dụng' : sum}`],
  ],
  'summary-mismatch': [[/^the "(.+)" row gives (\S+) for "(.+)", but (.+)$/, (label, v, h, rest) => `dòng "${label}" ghi ${v} cho "${h}", nhưng ${rest.replace(/^the sum of the (\d+) units? above it is (\S+)$/, 'tổng của $1 đơn vị phía trên là $2').replace(/^the mean of the (\d+) units? above it is (\S+)$/, 'trung bình của $1 đơn vị phía trên là $2')}`]],
  'index-mismatch': [[/^(.+): "(.+)" is (\S+), but its index \(total \/ maximum x 100\) is (\S+)$/, '$1: "$2" là $3, nhưng chỉ số (tổng điểm / điểm tối đa x 100) là $4']],
  'max-mismatch': [
    [/^(.+): "(.+)" is (\S+), below its points, (\S+)$/, '$1: "$2" là $3, thấp hơn điểm đạt được $4'],
    [/^(.+): "(.+)" is (\S+), but what applies to it has a maximum of (\S+)$/, '$1: "$2" là $3, nhưng điểm tối đa của các phần áp dụng là $4'],
  ],
  'no-declared-total': [
    [/^--totals declared ranks on the totals the file states, but it has no total column \("T\u1ed5ng \u0111i\u1ec3m"\)$/, '--totals declared xếp hạng theo tổng điểm ghi trong tệp, nhưng tệp không có cột tổng ("Tổng điểm")'],
    [/^--totals declared ranks on the totals the file states, but "(.+)" does not cover every component$/, '--totals declared xếp hạng theo tổng điểm ghi trong tệp, nhưng "$1" không gồm mọi thành phần'],
  ],
  // Units and files.
  'duplicate-unit': [
    [/^(.+) appears twice \(first at line (\d+)\)$/, '$1 xuất hiện hai lần (lần đầu ở dòng $2)'],
    [/^(.+) and (.+) \(line (\d+)\) are both (.+) of (.+)$/, '$1 và $2 (dòng $3) đều là $4 của $5'],
  ],
  'unit-not-in-all-files': [[/^(.+) is in (.+) but not in (.+)$/, '$1 có trong $2 nhưng không có trong $3']],
  'ambiguous-unit': [
    [/^"(.+)" matches several units: (.+)$/, '"$1" khớp với nhiều đơn vị: $2'],
    [/^(.+) could be (.+) in (.+)$/, (a, b, f) => `${a} có thể là ${terms(b)} trong ${f}`],
  ],
  'code-name-mismatch': [[/^code (.+) is (.+) in (.+) but (.+) here: a wrong code, or the files do not match$/, 'mã $1 là $2 trong $3 nhưng ở đây là $4: mã sai, hoặc các tệp không khớp nhau']],
  'conflicting-value': [[/^(.+): (.+) is "(.*)" in (.+) but "(.*)" here$/, (u, what, a, f, b) => `${u}: ${what.replace(/^code$/, 'mã').replace(/^block$/, 'khối').replace(/^year$/, 'năm')} là "${a}" trong ${f} nhưng ở đây là "${b}"`]],
  'several-years': [[/^the input holds several years \((.+)\); rank one year at a time$/, 'dữ liệu vào có nhiều năm ($1); hãy xếp hạng từng năm một']],
  'no-applicable-component': [[/^(.+): every component is marked not applicable, so there is no maximum to divide by$/, '$1: mọi thành phần đều ghi là không áp dụng, nên không có điểm tối đa để chia']],
  'look-alike-name': [
    [/^the unit name "(.+)" cannot be read as written: it mixes Latin letters with a (\S+(?: script)?) "(.+)" \((U\+[0-9A-F]+), letter (\d+)\), which only looks like a Latin one$/, (n, script, ch, u, at) => `tên đơn vị "${n}" không đọc được đúng như viết: có chữ Latinh lẫn với chữ ${script === 'Cyrillic' ? 'Kirin' : script === 'Greek' ? 'Hy Lạp' : 'của hệ chữ khác'} "${ch}" (${u}, chữ thứ ${at}), chỉ trông giống chữ Latinh`],
    [/^the unit name "(.+)" cannot be read as written: it has four or more accents on one letter$/, 'tên đơn vị "$1" không đọc được đúng như viết: một chữ có từ bốn dấu trở lên'],
  ],
  // Schemes, crosswalks, years.
  'scheme-invalid': [
    [/^not valid JSON: (.+)$/, 'không phải JSON hợp lệ: $1'],
    [/^(.+) is given twice in one object \(the last would silently win\)$/, '$1 xuất hiện hai lần trong một đối tượng (giá trị sau sẽ lặng lẽ thắng)'],
    [/^(\S+) has more digits than a number keeps exactly \(15\): write it as it is meant \(e\.g\. (\S+)\)$/, '$1 có nhiều chữ số hơn mức một số giữ được chính xác (15): hãy viết đúng giá trị muốn dùng (ví dụ $2)'],
    [/^([\w.[\]]+): (.+)$/, (where, m) => `${where}: ${apply((schemeCache ??= schemeRules()), m) ?? m}`],
    [/^(.+)$/, (m) => apply((schemeCache ??= schemeRules()), m) ?? m],
  ],
  'project-invalid': [[/^not valid JSON: (.+)$/, 'không phải JSON hợp lệ: $1'], [/^(.+) is not a setting of par-score \(the settings are the options' names: (.+)\)$/, '$1 không phải là thiết lập của par-score (các thiết lập là tên các tùy chọn: $2)'], [/^(.+)$/, 'tệp dự án không hợp lệ: $1']],
  'scheme-not-found': [
    [/^no built-in scheme matches the columns of the input(.*)$/, (rest) =>
      `không có bộ chỉ số có sẵn nào khớp với các cột của dữ liệu${rest
        .replace(/; built-in schemes and their components: /, '; các bộ chỉ số có sẵn và thành phần: ')
        .replace(/; the nearest is (\S+), which also needs /, '; gần nhất là $1, còn cần ')
        .replace(/\((\S+), maximum (\S+)\)/g, '($1, tối đa $2)')
        .replace(/ \(is it "/g, ' (có phải là "')
        .replace(/; columns not understood: /, '; các cột không hiểu: ')}`],
  ],
  'scheme-ambiguous': [[/^several schemes match the columns of the input: (.+)$/, 'nhiều bộ chỉ số khớp với các cột của dữ liệu: $1']],
  'unknown-scheme': [[/^unknown scheme "(.+)": not a built-in scheme \((.+)\) and no such file$/, 'không có bộ chỉ số "$1": không phải bộ có sẵn ($2) và không có tệp này']],
  'ambiguous-match': [
    [/^crosswalk: "(.+)" matches several units of (.+?): (.+)$/, (u, y, list) => `đối chiếu: "${u}" khớp với nhiều đơn vị của ${terms(y)}: ${list}`],
    [/^(.+) of (.+?) matches several units of (.+?): (.+)$/, (u, a, b, list) => `${u} của ${terms(a)} khớp với nhiều đơn vị của ${terms(b)}: ${list}`],
  ],
  'crosswalk-unknown-unit': [
    [/^crosswalk: "(.+)" is not a unit of (.+)$/, (u, y) => `đối chiếu: "${u}" không phải đơn vị của ${terms(y)}`],
    [/^crosswalk: "(.+)" -> "(.+)" joins no two consecutive years .*$/, 'đối chiếu: "$1" -> "$2" không nối hai năm liền nhau nào (đơn vị cũ có ở năm trước, không còn ở năm sau, nơi có đơn vị mới)'],
  ],
  'crosswalk-conflict': [[/^crosswalk: (.+) is mapped to two different units$/, 'đối chiếu: $1 được gán cho hai đơn vị khác nhau']],
  'duplicate-year': [[/^two inputs are for the year (.+)$/, 'hai tệp cùng của năm $1']],
  'no-year': [[/^cannot tell the year of (.+): no year column and no year in the file name$/, 'không xác định được năm của $1: không có cột năm, dòng tiêu đề hay tên tệp nào ghi năm']],
  'rank-drop': [[/^(.+) fell (\d+) places \((\d+) -> (\d+)\), more than --fail-on-rank-drop (\d+)$/, '$1 giảm $2 bậc ($3 -> $4), nhiều hơn --fail-on-rank-drop $5']],
  // Usage.
  'bad-option': [
    [/^invalid (--\S+): (.+)$/, (flag, why) => `giá trị ${flag} không hợp lệ: ${why.replace(/^expected (.+)$/, 'cần $1').replace(/ or /g, ' hoặc ').replace(/a whole number from (\d+) to (\d+)/, 'một số nguyên từ $1 đến $2').replace(/cannot be empty/, 'không được để trống')}`],
    [/^invalid PAR_SCORE_LANG=(.+): expected en or vi$/, 'PAR_SCORE_LANG=$1 không hợp lệ: cần en hoặc vi'],
    [/^--crosswalk, --merge-rule, --prev-scheme and --fail-on-rank-drop need --prev <file>$/, '--crosswalk, --merge-rule, --prev-scheme và --fail-on-rank-drop cần --prev <tệp>'],
    [/^--excel writes CSV; it cannot be combined with --format (\S+)$/, '--excel ghi CSV; không dùng cùng --format $1 được'],
    [/^--excel writes CSV, but --out names a workbook \(\.xlsx\): leave out --excel for a workbook$/, '--excel ghi CSV, nhưng --out là tệp bảng tính (.xlsx): bỏ --excel để ghi bảng tính'],
    [/^--out names a workbook \(\.xlsx\) but --format is (\S+): use --format xlsx, or another file name$/, '--out là tệp bảng tính (.xlsx) nhưng --format là $1: dùng --format xlsx, hoặc tên tệp khác'],
    [/^--year gives (\d+) years for (\d+) files$/, '--year ghi $1 năm cho $2 tệp'],
  ],
  'cannot-open': [
    [/^no such file$/, 'không có tệp này'],
    [/^permission denied$/, 'không có quyền đọc'],
    [/^it is a directory, not a (CSV )?file$/, 'đây là thư mục, không phải tệp'],
    [/^it holds more than (.+) MiB: not a scheme file$/, 'tệp lớn hơn $1 MiB: không phải tệp bộ chỉ số'],
    [/^(.+)$/, 'không mở được: $1'],
  ],
  'cannot-write': [[/^cannot write the output: (.+)$/, (why) => `không ghi được kết quả: ${why.replace(/^no space left on device$/, 'thiết bị hết chỗ trống')}`], [/^cannot write (.+): (.+)$/, 'không ghi được $1: $2']],
  'stdin-twice': [[/^standard input \(-\) can be read only once.*$/, 'đầu vào chuẩn (-) chỉ đọc được một lần: chỉ dùng nó cho một tệp vào']],
  'out-exists': [[/^(.+) already exists \(written by another run meanwhile\)$/, '$1 đã tồn tại (một lần chạy khác vừa ghi)'], [/^(.+) already exists$/, '$1 đã tồn tại']],
  'out-is-input': [[/^refusing to write to (.+): it is an input file$/, 'không ghi vào $1: đây là tệp dữ liệu vào']],
  'out-is-directory': [[/^cannot write to (.+): it is a directory$/, 'không ghi được vào $1: đây là thư mục']],
  'unknown-unit': [[/^no unit "(.+)" in (.+)$/, 'không có đơn vị "$1" trong $2']],
  'unknown-sheet': [[/^the workbook has no sheet "(.+)"; its sheets are (.+)$/, 'tệp không có trang tính "$1"; các trang tính là $2']],
  'binary-to-terminal': [[/^a workbook \(--format xlsx\) is not for a terminal: .*$/, 'tệp bảng tính (--format xlsx) không hiển thị trên màn hình được: hãy dùng --out ket-qua.xlsx, hoặc chuyển kết quả vào một tệp']],
  'workbook-damaged': [
    [/^this looks like a workbook but cannot be read \((.+)\)$/, 'tệp có vẻ là bảng tính nhưng không đọc được ($1)'],
    [/^the workbook has no sheets$/, 'tệp bảng tính không có trang tính nào'],
    [/^the sheet "(.+)" is listed but missing from the workbook$/, 'trang tính "$1" có tên nhưng không có trong tệp'],
  ],
  'workbook-encrypted': [[/^the workbook is password-protected: par-score cannot read it$/, 'tệp bảng tính có mật khẩu: par-score không đọc được']],
  'too-many-problems': [[/^([\d,]+) more problems are not listed \(the first ([\d,]+) are\): fix those and run again$/, 'còn $1 lỗi khác không liệt kê ($2 lỗi đầu đã liệt kê): hãy sửa các lỗi này rồi chạy lại']],
  // Warnings and notes.
  'missing-as-zero': [[/^(\d+) empty score cells? counted as 0 \(--missing zero\)$/, '$1 ô điểm trống được tính là 0 (--missing zero)']],
  'rank-differs': [[/^(.+): "(.+)" ranks it (\S+), par-score ranks it (\S+)$/, '$1: "$2" xếp hạng $3, par-score xếp hạng $4']],
  'band-at-threshold': [[/^(.+): the index (\S+) is shown rounded, but the exact value (\S+) is in (.+), not (.+)$/, (u, a, b, x, y) => `${u}: chỉ số ${a} là số đã làm tròn, nhưng giá trị chính xác ${b} thuộc ${terms(x)}, không phải ${terms(y)}`]],
  'not-comparable': [
    [
      /^rank changes may mislead: the units differ \((\d+) in (.+?), (\d+) in (.+?): (\d+) new, (\d+) merged, (\d+) no longer present\)$/,
      (a, y1, b, y2, n, m, d) => `thay đổi thứ hạng có thể gây hiểu nhầm: danh sách đơn vị khác nhau (${a} đơn vị ${yearOf(y1)}, ${b} đơn vị ${yearOf(y2)}: ${n} mới, ${m} hợp nhất, ${d} không còn)`,
    ],
    [/^rank changes may mislead: the years use different schemes \((.+) and (.+)\)$/, 'thay đổi thứ hạng có thể gây hiểu nhầm: hai năm dùng bộ tiêu chí khác nhau ($1 và $2)'],
    [/^rank changes may mislead: (.+)$/, 'thay đổi thứ hạng có thể gây hiểu nhầm: $1'],
  ],
  'all-zero': [[/^(.+) has 0 points in every component: not scored yet\?$/, '$1 có 0 điểm ở mọi thành phần: chưa chấm điểm?']],
  'all-max': [[/^(.+) has the maximum in every component: copied from the maxima\?$/, '$1 đạt điểm tối đa ở mọi thành phần: chép nhầm từ điểm tối đa?']],
  'same-name-different-code': [[/^(.+) appears with code (.+) here and (.+) at line (\d+): two units or a wrong code\?$/, (u, a, b, l) => `${u} có mã ${terms(a)} ở đây và ${terms(b)} ở dòng ${l}: hai đơn vị hay mã sai?`]],
  'rows-skipped': [[/^(\d+ rows are not units and were|1 row is not a unit and was) skipped: (.+)$/, (n, list) => `${rows(n)}: ${terms(list).replace(/, a summary row\)/g, ', dòng tổng hợp)').replace(/\(notes under the table\)/g, '(ghi chú dưới bảng)').replace(/\(a row of column numbers\)/g, '(dòng đánh số cột)')}`]],
  'totals-rounded': [[/^(\d+) declared totals? in "(.+)" differs? from the sum of the components by at most (\S+), as rounding the published components explains \((.+)\)$/, (n, h, d, how) => `${n} tổng điểm trong "${h}" chênh với tổng các thành phần tối đa ${d}, do làm tròn các thành phần đã công bố (${how.replace(/^ranked on the declared totals \(--totals declared\)$/, 'xếp hạng theo tổng điểm đã ghi (--totals declared)').replace(/^ranked on the sums; --totals declared ranks on the declared totals$/, 'xếp hạng theo tổng đã cộng; --totals declared xếp hạng theo tổng điểm đã ghi')})`]],
  'total-capped': [
    [/^(\d+) units? with bonus points above the maximum: .*$/, '$1 đơn vị có điểm thưởng vượt điểm tối đa: tổng điểm được giới hạn ở điểm tối đa ("overMax": "allow" trong bộ chỉ số cho phép vượt)'],
    [/^(\d+) units? with more penalty points than points: the total is 0$/, '$1 đơn vị có điểm trừ nhiều hơn điểm đạt được: tổng điểm là 0'],
  ],
  'penalty-sign': [[/^(.+): (\S+) for (.+): scheme (\S+) writes (\S+) as negative points \(-2\)$/, '$1: $2 của $3: bộ chỉ số $4 ghi $5 là điểm âm (-2)']],
});

function sep(name: string): string {
  return name.replace(/^a decimal comma$/, 'dấu phẩy thập phân').replace(/^a decimal point$/, 'dấu chấm thập phân').replace(/^decimal commas$/, 'dấu phẩy thập phân').replace(/^decimal points$/, 'dấu chấm thập phân');
}

/** What a scheme file's checks say (src/read/scheme-file.ts), after the place in the file. */
const schemeRules = (): readonly Rule[] => [
  [/^(.+) must be text$/, '$1 phải là văn bản'],
  [/^(.+) cannot be empty$/, '$1 không được để trống'],
  [/^must be an object such as (.+)$/, 'phải là một đối tượng như $1'],
  [/^(.+) must be a number$/, '$1 phải là một số'],
  [/^measure scale must be greater than 0$/, 'thang đo phải lớn hơn 0'],
  [/^measure scale must divide a power of ten .*$/, 'thang đo phải là ước của một lũy thừa của 10 (1, 2, 4, 5, 10, 20, 100, ...) để điểm luôn là số thập phân chính xác'],
  [/^measure must be (.+)$/, 'measure phải là $1'],
  [/^component id must be a string$/, 'mã thành phần (id) phải là chuỗi'],
  [/^component id must start with a letter and use only letters, digits, _ \. -$/, 'mã thành phần (id) phải bắt đầu bằng chữ cái và chỉ dùng chữ, số, _ . -'],
  [/^aliases must be a list of texts$/, 'aliases phải là danh sách văn bản'],
  [/^max must be greater than 0$/, 'max phải lớn hơn 0'],
  [/^always must be true or false$/, 'always phải là true hoặc false'],
  [/^kind must be "bonus" or "penalty"$/, 'kind phải là "bonus" hoặc "penalty"'],
  [/^written must be "positive" or "negative"$/, 'written phải là "positive" hoặc "negative"'],
  [/^children must be a list$/, 'children phải là một danh sách'],
  [/^children cannot be empty \(leave it out for a leaf\)$/, 'children không được rỗng (bỏ đi nếu là mục lá)'],
  [/^each component must be an object with an id and a max$/, 'mỗi thành phần phải là một đối tượng có id và max'],
  [/^band min must be between 0 and 100$/, 'min của mức xếp loại phải từ 0 đến 100'],
  [/^each band must be an object with a min and a label$/, 'mỗi mức xếp loại phải là một đối tượng có min và label'],
  [/^id is required and must be a string$/, 'id là bắt buộc và phải là chuỗi'],
  [/^id must be lower case letters, digits, \. _ - \(e\.g\. (.+)\)$/, 'id chỉ gồm chữ thường, chữ số, . _ - (ví dụ $1)'],
  [/^precision must be a number$/, 'precision phải là một số'],
  [/^precision must be a whole number$/, 'precision phải là số nguyên'],
  [/^precision must be 0 to 6$/, 'precision phải từ 0 đến 6'],
  [/^dash must be "na" or "zero"$/, 'dash phải là "na" hoặc "zero"'],
  [/^components must be a list$/, 'components phải là một danh sách'],
  [/^a scheme needs at least one component$/, 'bộ chỉ số cần ít nhất một thành phần'],
  [/^overMax must be "cap" or "allow"$/, 'overMax phải là "cap" hoặc "allow"'],
  [/^bands must be a list$/, 'bands phải là một danh sách'],
  [/^a scheme must be a JSON object$/, 'bộ chỉ số phải là một đối tượng JSON'],
  [/^duplicate component id "(.+)"$/, 'mã thành phần "$1" bị trùng'],
  [/^"(.+)" would match both "(.+)" and "(.+)" \(headers are compared without case, diacritics and punctuation\)$/, '"$1" sẽ khớp cả "$2" và "$3" (tiêu đề được so sánh không phân biệt hoa thường, dấu và dấu câu)'],
  [/^"(.+)": bonus and penalty nodes are top-level nodes$/, '"$1": điểm thưởng và điểm trừ phải ở cấp cao nhất'],
  [/^"(.+)": a (\S+) node has no children$/, '"$1": mục $2 không có mục con'],
  [/^"(.+)": "written" is for penalty nodes$/, '"$1": "written" chỉ dùng cho điểm trừ'],
  [/^"(.+)" needs a max \(a node without children\)$/, '"$1" cần max (mục không có mục con)'],
  [/^"(.+)" has max (\S+), but its children's maxima add up to (\S+)$/, '"$1" có max $2, nhưng tổng max của các mục con là $3'],
  [/^a scheme needs a component that is not a bonus or a penalty$/, 'bộ chỉ số cần một thành phần không phải điểm thưởng hay điểm trừ'],
  [/^a band needs a label \("vi" or "en"\)$/, 'mức xếp loại cần nhãn ("vi" hoặc "en")'],
  [/^duplicate band id "(.+)"$/, 'mã mức xếp loại "$1" bị trùng'],
  [/^two bands start at (\S+)$/, 'hai mức xếp loại cùng bắt đầu từ $1'],
  [/^unknown key "(.+)"$/, 'khóa "$1" không được hỗ trợ'],
  [/^Unrecognized keys?: (.+)$/, 'khóa không được hỗ trợ: $1'],
];

/** Hints, by their English shape (many codes share one). */
export const hintRules = (): readonly Rule[] => [
  [/^in Excel choose File > Save As > "CSV UTF-8 \(Comma delimited\) \(\*\.csv\)"; in LibreOffice tick "Edit filter settings" and pick "Unicode \(UTF-8\)"$/, 'trong Excel chọn Tệp > Lưu thành > "CSV UTF-8 (Comma delimited) (*.csv)"; trong LibreOffice đánh dấu "Sửa thiết lập bộ lọc" và chọn "Unicode (UTF-8)"'],
  [/^pass --scheme <id\|file\.json>, or rename the columns; `par-score schemes` lists the schemes$/, 'dùng --scheme <mã|tệp.json>, hoặc đổi tên các cột; `par-score schemes` liệt kê các bộ chỉ số'],
  [/^pass --scheme (\S+) \(or another\), or write the maximum in the header, e\.g\. (.+)$/, 'dùng --scheme $1 (hoặc bộ khác), hoặc ghi điểm tối đa trong tiêu đề, ví dụ $2'],
  [/^`par-score schemes` lists the built-in schemes; .*$/, '`par-score schemes` liệt kê các bộ chỉ số có sẵn; `par-score schemes <mã> --format json > cua-toi.json` tạo một tệp bộ chỉ số của riêng bạn'],
  [/^add codes to both files, or a --crosswalk line for it$/, 'thêm mã đơn vị vào cả hai tệp, hoặc một dòng --crosswalk cho đơn vị này'],
  [/^if they were merged, say so with --crosswalk$/, 'nếu các đơn vị đã hợp nhất, hãy ghi điều đó trong --crosswalk'],
  [/^give the full name or the code$/, 'hãy ghi đầy đủ tên hoặc mã'],
  [/^give the name as in the file, or its code$/, 'hãy ghi tên như trong tệp, hoặc mã của đơn vị'],
  [/^did you mean: (.+)\?$/, 'có phải là: $1?'],
  [/^give each file its own year \(--year\)$/, 'mỗi tệp một năm (--year)'],
  [/^pass --year 2021,2022,\.\.\.$/, 'dùng --year 2021,2022,...'],
  [/^a column is misread or shifted \(check the header\), or the total is wrong$/, 'một cột bị đọc sai hoặc lệch (kiểm tra dòng tiêu đề), hoặc tổng điểm sai'],
  [/^pass --rank-precision (\d+) to rank and band on the rounded value$/, 'dùng --rank-precision $1 để xếp hạng và xếp loại theo giá trị đã làm tròn'],
  [/^choose the sheet with --sheet \(--prev-sheet for last year's files\)$/, 'chọn trang tính bằng --sheet (--prev-sheet cho tệp năm trước)'],
  [/^--sheet takes a sheet name or its number \(1 for the first\)$/, '--sheet nhận tên trang tính hoặc số thứ tự (1 là trang đầu)'],
  [/^choose the sheet with the scores with --sheet <name\|number>$/, 'chọn trang tính có điểm bằng --sheet <tên|số>'],
  [/^open it in Excel or LibreOffice, remove the password .*$/, 'mở tệp bằng Excel hoặc LibreOffice, gỡ mật khẩu (Tệp > Thông tin > Bảo vệ sổ làm việc, hoặc Tệp > Thuộc tính > Bảo mật) rồi lưu lại, hoặc lưu trang tính thành CSV UTF-8'],
  [/^open it in Excel or LibreOffice and save it again as \.xlsx, or save the sheet as CSV UTF-8$/, 'mở tệp bằng Excel hoặc LibreOffice và lưu lại thành .xlsx, hoặc lưu trang tính thành CSV UTF-8'],
  [/^pass --dash na \(not applicable\) or --dash zero.*$/, 'dùng --dash na (không áp dụng) hoặc --dash zero (số 0), hoặc ghi "dash" trong bộ chỉ số'],
  [/^use --force to replace it$/, 'dùng --force để ghi đè'],
  [/^pass --force to replace it$/, 'dùng --force để ghi đè'],
  [/^to compare years, use `par-score compare (.+) (.+)` or `par-score rank (.+) --prev (.+)`$/, 'để so sánh các năm, dùng `par-score compare $1 $2` hoặc `par-score rank $3 --prev $4`'],
  [/^give (.+) in points, or use a scheme that says how (.+) is measured$/, 'hãy ghi $1 bằng điểm, hoặc dùng bộ chỉ số có ghi cách đo $2'],
  [/^save the sheet with the scores as CSV UTF-8, or split the workbook$/, 'lưu trang tính có điểm thành CSV UTF-8, hoặc chia nhỏ tệp bảng tính'],
  [/^split the input, or give Node\.js more memory: (.+)$/, 'chia nhỏ dữ liệu, hoặc cho Node.js thêm bộ nhớ: $1'],
  [/^split it, or raise the limit with --max-input-size \(memory use is about (\d+) times the input size\)$/, 'chia nhỏ tệp, hoặc nâng giới hạn bằng --max-input-size (bộ nhớ dùng khoảng $1 lần kích thước dữ liệu)'],
  [/^add the unit, or remove it from (.+)$/, 'thêm đơn vị, hoặc xóa nó khỏi $1'],
  [/^a column is misread or shifted \(check the header\)$/, 'một cột bị đọc sai hoặc lệch (kiểm tra dòng tiêu đề)'],
  [/^a column is misread or shifted \(check the header\), or the maximum is not the unit's \(give it in a "(.+)" column\)$/, 'một cột bị đọc sai hoặc lệch (kiểm tra dòng tiêu đề), hoặc điểm tối đa của đơn vị khác (ghi nó trong cột "$1")'],
  [/^a column may be misread or shifted: a subtotal is the sum of the columns of its group$/, 'một cột có thể bị đọc sai hoặc lệch: cột cộng là tổng các cột trong nhóm'],
  [/^a column may be misread or shifted: (\S+) is the sum of (.+)$/, 'một cột có thể bị đọc sai hoặc lệch: $1 là tổng của $2'],
  [/^a unit row may be missing or misread, or the row sums other rows; correct it, or delete the summary row$/, 'một dòng đơn vị có thể bị thiếu hoặc đọc sai, hoặc dòng này cộng các dòng khác; hãy sửa, hoặc xóa dòng tổng hợp'],
  [/^move the notes \(Ghi ch\u00fa, Ngu\u1ed3n, Ng\u01b0\u1eddi l\u1eadp bi\u1ec3u, \.\.\.\) below the last unit$/, 'chuyển phần ghi chú (Ghi chú, Nguồn, Người lập biểu, ...) xuống dưới đơn vị cuối cùng'],
  [/^name it with --unit-column "<header>"$/, 'chỉ rõ bằng --unit-column "<tiêu đề>"'],
  [/^quote numbers with a decimal comma \("12,05"\), or save the file with ";" as delimiter; or give the column a header$/, 'đặt số có dấu phẩy thập phân trong ngoặc kép ("12,05"), hoặc lưu tệp với dấu phân cách ";"; hoặc đặt tiêu đề cho cột'],
  [/^ranks of equal indices depend on --ties and --rank-precision; (.*)$/, 'thứ hạng của các chỉ số bằng nhau phụ thuộc --ties và --rank-precision; thứ hạng khác cũng có thể do một dòng đơn vị bị đọc sai'],
  [/^remove the duplicate row$/, 'xóa dòng trùng'],
  [/^remove the duplicate row, or add a code column \(M\u00e3\) to tell units apart$/, 'xóa dòng trùng, hoặc thêm cột mã (Mã) để phân biệt các đơn vị'],
  [/^remove or rename one of the columns$/, 'xóa hoặc đổi tên một trong hai cột'],
  [/^retype the name \(it may come from a copied web page or another keyboard layout\)$/, 'gõ lại tên (có thể tên được chép từ trang web hoặc gõ bằng bàn phím khác)'],
  [/^round the scores to the decimals the scheme uses$/, 'làm tròn điểm đến số chữ số thập phân của bộ chỉ số'],
  [/^say which with --dash zero or --dash na \(or "dash" in the scheme file\); write KAD for "not applicable"$/, 'chỉ rõ bằng --dash zero hoặc --dash na (hoặc "dash" trong tệp bộ chỉ số); ghi KAD nếu "không áp dụng"'],
  [/^the header must be the first row of the table \(title rows above it are fine\)$/, 'dòng tiêu đề phải là dòng đầu của bảng (các dòng tên bảng phía trên không sao)'],
  [/^use one decimal separator in the whole file$/, 'dùng một loại dấu thập phân trong cả tệp'],
  [/^use the scheme these maxima belong to \(--scheme\), or correct the header$/, 'dùng bộ chỉ số có các điểm tối đa này (--scheme), hoặc sửa dòng tiêu đề'],
  [/^write the name as in the first file, or add a code column \(M\u00e3\) to both files$/, 'ghi tên như trong tệp đầu, hoặc thêm cột mã (Mã) vào cả hai tệp'],
  [/^write the penalty with its minus sign, or change "written" in the scheme$/, 'ghi điểm trừ kèm dấu trừ, hoặc sửa "written" trong bộ chỉ số'],
  [/^write the points, KAD if the criterion does not apply to this unit, or pass --missing zero$/, 'ghi điểm, ghi KAD nếu tiêu chí không áp dụng cho đơn vị này, hoặc dùng --missing zero'],
  [/^add a "C\u1ed9ng" column to the group \(the points of (\S+)\), or give (\S+) in one column$/, 'thêm cột "Cộng" vào nhóm (điểm của $1), hoặc ghi $2 trong một cột'],
  [/^did you mean (.+)\? Write the unit's name as in (.+)$/, 'có phải là $1? Hãy ghi tên đơn vị như trong $2'],
  [/^did you mean (.+)\? Write the unit's name the same way in every file, or add a code column \(M\u00e3\)$/, 'có phải là $1? Hãy ghi tên đơn vị giống nhau trong mọi tệp, hoặc thêm cột mã (Mã)'],
  [/^a unit's maximum is the scheme's maximum less the criteria that do not apply to it; check the not-applicable \(KAD\) cells$/, 'điểm tối đa của một đơn vị là điểm tối đa của bộ chỉ số trừ các tiêu chí không áp dụng cho đơn vị đó; hãy kiểm tra các ô không áp dụng (KAD)'],
  [/^every row needs as many fields as the header$/, 'mỗi dòng cần có số ô bằng dòng tiêu đề'],
  [/^check the header, or the scheme \(--scheme (\S+)\)$/, 'kiểm tra dòng tiêu đề, hoặc bộ chỉ số (--scheme $1)'],
  [/^it is in none of the files$/, 'cột này không có trong tệp nào'],
  [/^give the scheme with these maxima: --scheme my-scheme\.json \(`par-score schemes <id> --format json` starts one\)$/, 'dùng bộ chỉ số có các điểm tối đa này: --scheme bo-chi-so.json (`par-score schemes <mã> --format json` tạo một tệp mẫu)'],
];

/** commander's own messages (a wrong option, a missing argument), as it words them. */
export const commanderRules = (): readonly Rule[] => [
  [/^option '(.+)' argument '(.*)' is invalid\. Allowed choices are (.+)\.$/, "giá trị '$2' của tùy chọn '$1' không hợp lệ. Các giá trị được chọn: $3."],
  [/^missing required argument '(.+)'$/, "thiếu đối số bắt buộc '$1'"],
  [/^unknown option '(.+)'\n\(Did you mean (.+)\?\)$/, "không có tùy chọn '$1'\n(Có phải là $2?)"],
  [/^unknown option '(.+)'$/, "không có tùy chọn '$1'"],
  [/^unknown command '(.+)'\n\(Did you mean (.+)\?\)$/, "không có lệnh '$1'\n(Có phải là $2?)"],
  [/^unknown command '(.+)'$/, "không có lệnh '$1'"],
  [/^too many arguments for '(.+)'\. Expected (\d+) arguments? but got (\d+)\.$/, "quá nhiều đối số cho '$1': cần $2, nhận được $3."],
  [/^too many arguments\. Expected (\d+) arguments? but got (\d+)\.$/, 'quá nhiều đối số: cần $1, nhận được $2.'],
  [/^option '(.+)' argument missing$/, "tùy chọn '$1' thiếu giá trị"],
  [/^required option '(.+)' not specified$/, "thiếu tùy chọn bắt buộc '$1'"],
];

