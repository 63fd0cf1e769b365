/**
 * Makes the text of Chromium's PDFs read back as written. Noto CJK draws 长, 门, 见, 页 and some 280 other characters
 * with the same glyph as a look-alike radical (⻓ U+2ED3, ⻔ U+2EE8 …), and Chromium's PDF writer, given one glyph for
 * several characters, names the lowest code point in the font's ToUnicode map: the page shows 增长 but copying,
 * searching or a screen reader get 增⻓. The maps are rewritten to the ideograph and appended to the file as an
 * incremental update (PDF 32000-1, 7.5.6), so nothing Chromium wrote is moved or re-encoded.
 */
import { deflateSync, inflateSync } from 'node:zlib';

/**
 * Look-alike radical, then the ideograph the Noto CJK SC faces draw with its glyph (read from the fonts' cmap tables:
 * code points sharing one glyph; a few from the other faces of the same files fill the gaps).
 */
const LOOKALIKES =
  '⺂乛⺃乚⺅亻⺇𠘨⺉刂⺋㔾⺍𭕄⺎兀⺏尣⺐尢⺒巳⺓幺⺔彑⺕彐⺖忄⺘扌⺙攵⺛旡⺞歺⺟母⺠民⺡氵⺣灬⺤爫⺦丬⺨犭⺩𤣩⺫罒⺭礻⺮𥫗⺯糹⺰纟⺱罓⺳㓁⺹耂⺺肀⺽𦥑⺾艹⺿艹⻁虎⻂衤⻃覀⻄西⻅见⻆角⻇𧢲⻈讠⻉贝⻊𧾷⻋车' +
  '⻌辶⻍辶⻎辶⻐钅⻑長⻒镸⻓长⻔门⻕𨸏⻖阝⻘青⻙韦⻚页⻛风⻜飞⻝食⻞𩙿⻟飠⻠饣⻡𩠐⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦⻩黄⻪黾⻫斉⻬齐⻭歯⻮齿⻯竜⻰龙⻱龜⻲亀⻳龟⼀一⼁丨⼂丶⼃丿⼄乙⼅亅⼆二⼇亠⼈人⼉儿⼊入⼋八' +
  '⼌冂⼍冖⼎冫⼏几⼐凵⼑刀⼒力⼓勹⼔匕⼕匚⼖匸⼗十⼘卜⼙卩⼚厂⼛厶⼜又⼝口⼞囗⼟土⼠士⼡夂⼢夊⼣夕⼤大⼥女⼦子⼧宀⼨寸⼩小⼫尸⼬屮⼭山⼮巛⼯工⼰己⼱巾⼲干⼴广⼵廴⼶廾⼷弋⼸弓⼹彐⼺彡⼻彳⼼心⼽戈⼾户⼿手' +
  '⽀支⽁攴⽂文⽃斗⽄斤⽅方⽆无⽇日⽈曰⽉月⽊木⽋欠⽌止⽍歹⽎殳⽏毋⽐比⽑毛⽒氏⽓气⽔水⽕火⽖爪⽗父⽘爻⽙爿⽚片⽛牙⽜牛⽝犬⽞玄⽟玉⽠瓜⽡瓦⽢甘⽣生⽤用⽥田⽦疋⽧疒⽨癶⽩白⽪皮⽫皿⽬目⽭矛⽮矢⽯石⽰示⽱禸' +
  '⽲禾⽳穴⽴立⽵竹⽶米⽷糸⽸缶⽹网⽺羊⽻羽⽼老⽽而⽾耒⽿耳⾀聿⾁肉⾂臣⾃自⾄至⾅臼⾆舌⾇舛⾈舟⾉艮⾊色⾋艸⾌虍⾍虫⾎血⾏行⾐衣⾑襾⾒見⾓角⾔言⾕谷⾖豆⾗豕⾘豸⾙貝⾚赤⾛走⾜足⾝身⾞車⾟辛⾠辰⾡辵⾢邑⾣酉' +
  '⾤釆⾥里⾦金⾨門⾩阜⾪隶⾫隹⾬雨⾭靑⾮非⾯面⾰革⾱韋⾲韭⾳音⾴頁⾵風⾶飛⾷食⾸首⾹香⾺馬⾻骨⾼高⾽髟⾾鬥⾿鬯⿀鬲⿁鬼⿂魚⿃鳥⿄鹵⿅鹿⿆麥⿇麻⿈黃⿉黍⿊黑⿋黹⿌黽⿍鼎⿎鼓⿏鼠⿐鼻⿑齊⿒齒⿓龍⿔龜⿕龠';

const IDEOGRAPH_OF: ReadonlyMap<number, string> = (() => {
  const chars = Array.from(LOOKALIKES);
  const map = new Map<number, string>();
  for (let i = 0; i + 1 < chars.length; i += 2) map.set(chars[i]?.codePointAt(0) ?? 0, chars[i + 1] ?? '');
  return map;
})();

/** One entry of a ToUnicode map: a character code (hex, as written) and the text it stands for. */
interface Mapping {
  code: string;
  text: string;
}

/**
 * The PDF with its ToUnicode maps naming ideographs instead of look-alike radicals; the same bytes when nothing needs
 * fixing or the file is not laid out as Chromium writes it (a classic cross-reference table and trailer).
 */
export function fixPdfText(pdf: Uint8Array): Uint8Array {
  const source = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  const text = source.toString('latin1');
  const trailer = readTrailer(text);
  if (trailer === null) return pdf;
  const fixed: { num: number; data: Buffer }[] = [];
  const numbers = new Set([...text.matchAll(/\/ToUnicode\s+(\d+)\s+0\s+R/g)].map((match) => Number(match[1])));
  for (const num of numbers) {
    const stream = readStream(source, text, num);
    if (stream === null) continue;
    const rewritten = rewriteCMap(stream);
    if (rewritten !== null) fixed.push({ num, data: deflateSync(Buffer.from(rewritten, 'latin1')) });
  }
  if (fixed.length === 0) return pdf;
  return appendUpdate(source, fixed, trailer);
}

interface Trailer {
  size: number;
  /** The trailer entries a later section must repeat (/Root, /Info, /ID), as written. */
  entries: string;
  startxref: number;
}

function readTrailer(text: string): Trailer | null {
  const at = text.lastIndexOf('trailer');
  const start = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text);
  if (at < 0 || start === null) return null;
  const dict = /^trailer\s*<<([^]*?)>>\s*startxref/.exec(text.slice(at));
  const size = dict === null ? null : /\/Size\s+(\d+)/.exec(dict[1] ?? '');
  if (dict === null || size === null) return null;
  const keep = ['Root', 'Info', 'ID'].flatMap((key) => {
    const entry = new RegExp(`/${key}\\s+(\\d+\\s+\\d+\\s+R|\\[[^\\]]*\\])`).exec(dict[1] ?? '');
    return entry === null ? [] : [`/${key} ${entry[1] ?? ''}`];
  });
  return { size: Number(size[1]), entries: keep.join(' '), startxref: Number(start[1]) };
}

/** An object's stream, inflated; null unless it is a plain dictionary with a direct /Length. */
function readStream(source: Buffer, text: string, num: number): string | null {
  const header = new RegExp(`(?:^|[\\r\\n])${String(num)}\\s+0\\s+obj\\s*<<([^<>]*)>>\\s*stream(?:\\r\\n|\\n)`).exec(
    text,
  );
  if (header === null) return null;
  const length = /\/Length\s+(\d+)\b(?!\s+\d+\s+R)/.exec(header[1] ?? '');
  if (length === null) return null;
  const start = header.index + header[0].length;
  const data = source.subarray(start, start + Number(length[1]));
  try {
    const flate = (header[1] ?? '').includes('/FlateDecode');
    return (flate ? inflateSync(data) : data).toString('latin1');
  } catch {
    return null;
  }
}

/** The map with every look-alike replaced, or null when it holds none. */
function rewriteCMap(cmap: string): string | null {
  const first = /\d+\s+beginbf(?:char|range)/.exec(cmap);
  const end = cmap.lastIndexOf('endcmap');
  if (first === null || end < first.index) return null;
  const mappings = readMappings(cmap.slice(first.index, end));
  const fixed = mappings.map((mapping) => ({
    code: mapping.code,
    text: Array.from(mapping.text, (char) => IDEOGRAPH_OF.get(char.codePointAt(0) ?? 0) ?? char).join(''),
  }));
  if (fixed.every((mapping, index) => mapping.text === mappings[index]?.text)) return null;
  const blocks: string[] = [];
  // The CMap format allows at most 100 entries per block.
  for (let i = 0; i < fixed.length; i += 100) {
    const block = fixed.slice(i, i + 100);
    const lines = block.map((mapping) => `<${mapping.code}> <${utf16Hex(mapping.text)}>`);
    blocks.push(`${String(block.length)} beginbfchar\n${lines.join('\n')}\nendbfchar\n`);
  }
  return `${cmap.slice(0, first.index)}${blocks.join('')}${cmap.slice(end)}`;
}

function readMappings(body: string): Mapping[] {
  const mappings: Mapping[] = [];
  for (const [, chars] of body.matchAll(/beginbfchar([^]*?)endbfchar/g)) {
    for (const [, code, text] of (chars ?? '').matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>/g)) {
      mappings.push({ code: code ?? '', text: fromUtf16Hex(text ?? '') });
    }
  }
  for (const [, ranges] of body.matchAll(/beginbfrange([^]*?)endbfrange/g)) {
    const pattern = /<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(?:<([0-9A-Fa-f]*)>|\[([^\]]*)\])/g;
    for (const [, low = '', high = '', start, list] of (ranges ?? '').matchAll(pattern)) {
      const from = parseInt(low, 16);
      const targets = list === undefined ? null : [...list.matchAll(/<([0-9A-Fa-f]*)>/g)].map((one) => one[1] ?? '');
      for (let code = from; code <= parseInt(high, 16); code += 1) {
        const hex = code.toString(16).toUpperCase().padStart(low.length, '0');
        const text =
          targets === null ? shifted(fromUtf16Hex(start ?? ''), code - from) : fromUtf16Hex(targets[code - from] ?? '');
        mappings.push({ code: hex, text });
      }
    }
  }
  return mappings;
}

/** A range's text for its nth code: the last UTF-16 unit counts up. */
function shifted(text: string, by: number): string {
  if (text === '' || by === 0) return text;
  return text.slice(0, -1) + String.fromCharCode(text.charCodeAt(text.length - 1) + by);
}

function fromUtf16Hex(hex: string): string {
  const units: number[] = [];
  for (let i = 0; i + 4 <= hex.length; i += 4) units.push(parseInt(hex.slice(i, i + 4), 16));
  return String.fromCharCode(...units);
}

function utf16Hex(text: string): string {
  let hex = '';
  for (let i = 0; i < text.length; i += 1) hex += text.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
  return hex;
}

/** The new versions of the objects, a cross-reference section for them, and a trailer pointing back to the old one. */
function appendUpdate(source: Buffer, fixed: readonly { num: number; data: Buffer }[], trailer: Trailer): Uint8Array {
  const parts: Buffer[] = [source, Buffer.from('\n', 'latin1')];
  let offset = source.length + 1;
  const xref: string[] = [];
  for (const { num, data } of fixed) {
    const head = Buffer.from(
      `${String(num)} 0 obj\n<</Filter /FlateDecode /Length ${String(data.length)}>>\nstream\n`,
      'latin1',
    );
    const tail = Buffer.from('\nendstream\nendobj\n', 'latin1');
    xref.push(`${String(num)} 1\n${String(offset).padStart(10, '0')} 00000 n \n`);
    parts.push(head, data, tail);
    offset += head.length + data.length + tail.length;
  }
  const update = `xref\n${xref.join('')}trailer\n<</Size ${String(trailer.size)} ${trailer.entries} /Prev ${String(trailer.startxref)}>>\nstartxref\n${String(offset)}\n%%EOF\n`;
  parts.push(Buffer.from(update, 'latin1'));
  return new Uint8Array(Buffer.concat(parts));
}
