/**
 * `--help` in Vietnamese: every command's summary, description and arguments, every option's help,
 * and the words commander itself prints (Usage, Options, the choices and defaults of an option).
 * English is written beside each command and option; this is its Vietnamese, keyed the same way.
 */
import type { OptionName } from './options.js';

export const PROGRAM_VI = {
  description: 'Chỉ số cải cách hành chính (PAR INDEX) từ tệp CSV hoặc bảng tính: tổng điểm, chỉ số, xếp loại và xếp hạng chính xác.',
  after: '\nMã thoát: 0 thành công, 1 dữ liệu không hợp lệ (hoặc một kiểm tra không đạt), 2 dùng sai lệnh.\nChạy `par-score <lệnh> --help` để xem tùy chọn và ví dụ của một lệnh.',
  help: 'xem hướng dẫn',
  helpCommand: 'xem hướng dẫn của một lệnh',
  version: 'in số phiên bản',
  examples: 'Ví dụ:',
};

export const TITLES_VI: Readonly<Record<string, string>> = {
  'Usage:': 'Cách dùng:',
  'Options:': 'Tùy chọn:',
  'Arguments:': 'Đối số:',
  'Commands:': 'Lệnh:',
  'Global Options:': 'Tùy chọn chung:',
};

export const COMMANDS_VI: Readonly<Record<string, { readonly summary: string; readonly description: string; readonly args: Readonly<Record<string, string>> }>> = {
  rank: {
    summary: 'tính điểm và xếp hạng các đơn vị',
    description:
      'Tính điểm và xếp hạng các đơn vị trong một hoặc nhiều tệp (CSV hoặc bảng tính) của cùng một năm (các tệp được ghép theo đơn vị).\n' +
      'Tổng điểm, chỉ số (%), xếp loại và thứ hạng là chính xác; thứ hạng tính trong từng khối.',
    args: { files: 'tệp CSV hoặc bảng tính (.xlsx, .xls, .ods), hoặc - cho đầu vào chuẩn' },
  },
  compare: {
    summary: 'so sánh hai năm: thay đổi thứ hạng và chỉ số, đơn vị tăng và giảm nhiều nhất',
    description:
      'So sánh xếp hạng của <current> với <previous>: thay đổi thứ hạng (+7 = tăng bảy bậc), thay đổi chỉ số theo ' +
      'điểm phần trăm, các đơn vị mới, hợp nhất hoặc không còn, sắp theo mức thay đổi.',
    args: { previous: 'tệp của năm trước', current: 'tệp của năm nay' },
  },
  trend: {
    summary: 'thứ hạng và chỉ số của từng đơn vị qua nhiều năm',
    description:
      'Xếp hạng từng tệp (mỗi tệp một năm) và theo dõi từng đơn vị qua các năm (theo mã, nếu không thì theo tên).\n' +
      'Năm lấy từ --year, hoặc cột năm, dòng tên bảng ("... NĂM 2023"), hoặc tên tệp (ket-qua-2023.csv).',
    args: { files: 'mỗi năm một tệp' },
  },
  explain: {
    summary: 'một đơn vị mất điểm ở đâu, và cần bao nhiêu để tăng hạng',
    description:
      'Giải thích kết quả của một đơn vị: điểm, điểm tối đa, % điểm tối đa, điểm bị mất và thứ hạng của từng thành phần, ' +
      'mất nhiều điểm nhất trước; so với trung vị và đơn vị dẫn đầu; và số điểm cần để vượt đơn vị xếp trên, ' +
      'vào tốp 3, đứng đầu và đạt mức xếp loại tiếp theo.',
    args: { unit: 'đơn vị: tên (không phân biệt hoa thường, dấu và tiền tố như "Huyện") hoặc mã', files: 'các tệp của năm (ghép như rank)' },
  },
  validate: {
    summary: 'kiểm tra tệp mà không xếp hạng: mọi vấn đề, kèm tệp, dòng và cột',
    description:
      'Kiểm tra các tệp như rank (tất cả, kể cả sau tệp không đọc được: cả tổng điểm, điểm cộng, trung bình, ' +
      'điểm tối đa và chỉ số ghi trong tệp) và thêm cảnh báo cho các lỗi hay gặp: đơn vị có 0 điểm hoặc điểm tối đa ở mọi ' +
      'thành phần, một tên có hai mã. Báo cáo là kết quả (stdout), cả khi không có bộ chỉ số nào khớp.\n' +
      'Thoát 1 khi có lỗi, 0 khi chỉ có cảnh báo hoặc ghi chú (--strict: 1 khi có cảnh báo), 2 khi không có bộ chỉ số nào khớp.',
    args: { files: 'các tệp của một năm, hoặc - cho đầu vào chuẩn' },
  },
  template: {
    summary: 'tạo tệp nhập liệu trống theo một bộ chỉ số, để điền và xếp hạng',
    description:
      'Ghi một tệp CSV, hoặc tệp bảng tính (--format xlsx, hoặc --out có đuôi .xlsx), có dòng tiêu đề khớp với bộ chỉ số ' +
      '(nhãn kèm điểm tối đa, ví dụ "Điểm thẩm định (61,5)"), ' +
      'mỗi đơn vị trong --units một dòng trống. Điền xong, `par-score rank` đọc được mà không cần tùy chọn ' +
      '(với bộ chỉ số có sẵn; với bộ riêng thì thêm --scheme).',
    args: {},
  },
  report: {
    summary: 'báo cáo năm: một trang HTML độc lập, hoặc Markdown',
    description:
      'Ghi báo cáo của một năm: số liệu chính, bảng xếp hạng (kèm thay đổi khi có --prev), các đơn vị tăng và giảm ' +
      'nhiều nhất, đơn vị dẫn đầu từng thành phần, bản đồ nhiệt theo thành phần, biểu đồ cột chỉ số với các ngưỡng ' +
      'xếp loại, biểu đồ phân bố và biểu đồ thay đổi thứ hạng. HTML là một tệp duy nhất (không tải gì từ mạng), ' +
      'đọc được trên điện thoại và in được trên khổ A4; cùng dữ liệu cho cùng một kết quả.',
    args: { files: 'các tệp của năm' },
  },
  schemes: {
    summary: 'liệt kê các bộ chỉ số có sẵn, hoặc xem một bộ',
    description: 'Liệt kê các bộ chỉ số (phương pháp đánh giá) có sẵn, hoặc xem một bộ; --format json in ra tệp bộ chỉ số để sao chép và sửa.',
    args: { id: 'mã bộ chỉ số có sẵn hoặc tệp JSON bộ chỉ số' },
  },
};

export const OPTIONS_VI: Readonly<Record<OptionName, string>> = {
  scheme: 'mã bộ chỉ số có sẵn hoặc tệp JSON bộ chỉ số (mặc định: chọn theo các cột)',
  delimiter: 'dấu phân cách của tệp vào: , ; hoặc tab (mặc định: tự nhận biết)',
  sheet: 'trang tính cần đọc của tệp bảng tính (.xlsx, .xls, .ods): tên hoặc số thứ tự (mặc định: trang đầu)',
  prevSheet: 'trang tính của tệp bảng tính năm trước (mặc định: trang đầu)',
  unitColumn: 'tiêu đề của cột tên đơn vị, nếu không phải tên thường dùng',
  missing: 'ô điểm trống là lỗi (error), hoặc được tính là 0 (zero)',
  dash: 'dấu "-" đứng một mình trong ô điểm: na (không áp dụng) hoặc zero (định dạng Kế toán của Excel); mặc định: theo bộ chỉ số, nếu không thì là lỗi',
  maxErrors: 'số vấn đề in ra tối đa',
  maxInputSize: 'từ chối dữ liệu vào lớn hơn mức này (ví dụ 64MiB; mặc định: theo bộ nhớ)',
  quiet: 'không in cảnh báo ra stderr',
  color: 'không dùng màu, kể cả trên màn hình',
  format: 'định dạng kết quả',
  lang: 'ngôn ngữ: en hoặc vi (mặc định: en, hoặc vi khi PAR_SCORE_LANG=vi hay LANG là vi_VN...)',
  title: 'tiêu đề của bảng, Markdown, bảng tính hoặc báo cáo (mặc định: tên bộ chỉ số và năm)',
  out: 'ghi ra tệp (an toàn, không ghi dở) thay vì stdout',
  force: 'cho phép --out ghi đè tệp đã có (không bao giờ ghi đè tệp dữ liệu vào)',
  excel: 'CSV cho Excel hoặc LibreOffice cài đặt tiếng Việt: dấu ";" giữa các ô, dấu phẩy thập phân và dấu BOM (tức là --format csv)',
  bom: 'bắt đầu tệp CSV bằng dấu BOM UTF-8 (cho Excel)',
  ties: 'các giá trị bằng nhau: competition (1,2,2,4), dense (1,2,2,3) hoặc ordinal (1,2,3,4)',
  totals: 'xếp hạng theo tổng các thành phần (computed, mặc định) hoặc theo cột tổng điểm ghi trong tệp (declared; vẫn phải khớp trong phạm vi làm tròn)',
  depth: 'các cột từ mức này của cây bộ chỉ số: 0 các phần (mặc định), 1 các lĩnh vực, 2 các tiêu chí',
  rankPrecision: 'xếp hạng và xếp loại theo chỉ số làm tròn đến n chữ số thập phân (mặc định: giá trị chính xác)',
  prev: 'tệp của năm trước (lặp lại cho nhiều tệp): thêm thứ hạng năm trước và các thay đổi',
  prevScheme: 'bộ chỉ số của năm trước, khi khác (mặc định: như --scheme, hoặc chọn theo các cột)',
  crosswalk: 'tệp CSV các đơn vị đổi tên và hợp nhất: cột cũ, mới (mã hoặc tên)',
  mergeRule: 'cách gộp các đơn vị trước hợp nhất: mean, max hoặc sum (mặc định: không tính thay đổi cho đơn vị hợp nhất)',
  failOnRankDrop: 'thoát 1 khi có đơn vị giảm quá n bậc (liệt kê trên stderr)',
  components: 'cột các thành phần trong bảng: show, hide, hoặc auto (ẩn khi màn hình quá hẹp)',
  top: 'chỉ hiện n đơn vị tăng nhiều nhất và n đơn vị giảm nhiều nhất',
  year: 'năm của các tệp, theo thứ tự các tệp: 2021,2022,2023',
  strict: 'cảnh báo cũng tính là không đạt (thoát 1)',
  units: 'tệp CSV danh sách đơn vị (cột đơn vị; có thể thêm cột mã và khối)',
  outputDelimiter: 'dấu phân cách: , ; hoặc tab',
  withBom: 'không có dấu BOM UTF-8 (mặc định có, để Excel hiển thị đúng tiếng Việt)',
};

/** Help texts a command gives an option instead of the option's own (see the picks in src/cli/commands). */
export const OVERRIDES_VI: Readonly<Record<string, string>> = {
  'report format': 'định dạng báo cáo',
  'built-in scheme id or scheme JSON file': 'mã bộ chỉ số có sẵn hoặc tệp JSON bộ chỉ số',
  'header language': 'ngôn ngữ của dòng tiêu đề',
  'allow --out to replace an existing file': 'cho phép --out ghi đè tệp đã có',
  'no colours': 'không dùng màu',
};

/** "par-score rank [options] <files...>" with its words in Vietnamese. */
export function usageVi(text: string): string {
  return text.replace('[options]', '[tùy chọn]').replace('[command]', '[lệnh]');
}

/** commander's "(choices: ..., default: ...)" after an option's help. */
export function extraInfoVi(text: string): string {
  return text.replace(/\(choices: /g, '(chọn: ').replace(/, default: /g, ', mặc định: ').replace(/\(default: /g, '(mặc định: ');
}
