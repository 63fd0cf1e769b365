import type { SourceFormat } from '../types.ts';
import { docxToText } from './docx.ts';
import { pdfToText } from './pdf.ts';
import { reasonOf, UnreadableFileError } from './unreadable.ts';
import { isZip, readZipDirectory } from './zip.ts';

export type { SourceFormat };
export { docxToText } from './docx.ts';
export { pdfToText } from './pdf.ts';
export { UnreadableFileError } from './unreadable.ts';

/** What the content sniffing found: the format, and for text formats the decoded text. */
interface Sniffed {
  format: SourceFormat | null;
  text: string | null;
}

/** The formats EduPlan reads, as a person would name them in an error message. */
const READABLE = { zh: '（支持 .txt、.md、.docx 和 .pdf）', en: '(EduPlan reads .txt, .md, .docx and .pdf)' };

/** Tells a plan document's format from its bytes (the name only tells .md from .txt); null when it is none of them. */
export function detectFormat(bytes: Uint8Array, fileName: string): SourceFormat | null {
  return sniff(bytes, fileName).format;
}

/**
 * Turns a plan document's bytes into plain text lines for the parser; throws UnreadableFileError, saying in both
 * languages what the file is, when it is not a plan document.
 */
export async function extractText(
  bytes: Uint8Array,
  fileName: string,
): Promise<{ format: SourceFormat; text: string }> {
  const found = sniff(bytes, fileName);
  const name = fileName === '' ? 'the file' : fileName;
  const zhName = fileName === '' ? '该文件' : `“${fileName}”`;
  if (found.format === null) {
    const what = describe(bytes);
    throw new UnreadableFileError(
      `${zhName}不是可读的规划文件：它是${what.zh}${READABLE.zh}`,
      `${name} is ${what.en}, not a plan document ${READABLE.en}.`,
    );
  }
  let text: string;
  switch (found.format) {
    case 'txt':
    case 'md':
      text = found.text ?? '';
      break;
    case 'docx':
    case 'pdf':
      try {
        text = await (found.format === 'docx' ? docxToText(bytes) : pdfToText(bytes));
      } catch (error) {
        // The converters say "not a readable .pdf: why"; the person needs to know which file.
        const reason = reasonOf(error);
        throw new UnreadableFileError(`${zhName}不是可读的规划文件：${reason.zh}`, `${name} is ${reason.en}`, {
          cause: error,
        });
      }
      break;
  }
  if (text.trim() === '') {
    throw found.format === 'pdf'
      ? new UnreadableFileError(
          `${zhName}不是可读的规划文件：它是没有文字层的 PDF（扫描件？），不经文字识别（OCR）无法读取`,
          `${name} is a PDF without a text layer (a scanned image?), so it has no text to read without OCR.`,
        )
      : new UnreadableFileError(
          `${zhName}不是可读的规划文件：它是没有文字的 .${found.format} 文件`,
          `${name} is a .${found.format} file with no text in it.`,
        );
  }
  return { format: found.format, text };
}

function sniff(bytes: Uint8Array, fileName: string): Sniffed {
  if (bytes.length === 0) return { format: null, text: null };
  if (isZip(bytes)) {
    return { format: isDocx(bytes) ? 'docx' : null, text: null };
  }
  // The PDF spec lets readers accept junk before the header, and pdf.js does.
  if (indexOfAscii(bytes, '%PDF-', 1024) >= 0) return { format: 'pdf', text: null };
  const text = decodeText(bytes);
  if (text === null || /^\s*(\{\\rtf|<\?xml|<!doctype html|<html)/i.test(text)) return { format: null, text: null };
  const format = /\.(md|markdown)$/i.test(fileName) ? 'md' : 'txt';
  return { format, text: text.replace(/\r\n?/g, '\n') };
}

function isDocx(bytes: Uint8Array): boolean {
  const entries = readZipDirectory(bytes);
  return entries?.some((entry) => entry.name === 'word/document.xml') ?? false;
}

/**
 * Decodes text in the encodings Chinese plans come in: UTF-8 (with or without BOM), UTF-16 with a BOM, and GB18030
 * (a superset of GBK and GB2312), which Windows in China still saves by default. Returns null for anything else.
 */
export function decodeText(bytes: Uint8Array): string | null {
  const [b0, b1] = bytes;
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    const text = decodeStrict(b0 === 0xff ? 'utf-16le' : 'utf-16be', bytes);
    return text !== null && looksLikeText(text) ? text : null;
  }
  const utf8 = decodeStrict('utf-8', bytes);
  if (utf8 !== null) return looksLikeText(utf8) ? utf8 : null;
  // Random bytes decode as GB18030 surprisingly often, so it must read as Chinese, not merely decode.
  const gb = decodeStrict('gb18030', bytes);
  return gb !== null && looksLikeText(gb) && mostlyChinese(gb) ? gb : null;
}

function decodeStrict(encoding: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Text has no NULs and almost no other control characters; binary data has plenty. */
function looksLikeText(text: string): boolean {
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0) return false;
    // Tab, line feed, vertical tab, form feed and carriage return are text; the other C0 and C1 codes are not.
    if ((code < 0x20 && (code < 0x09 || code > 0x0d)) || (code >= 0x7f && code <= 0x9f)) controls++;
  }
  return controls <= text.length / 1000;
}

const CHINESE = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’—…·]/u;

function mostlyChinese(text: string): boolean {
  let wide = 0;
  let chinese = 0;
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) continue;
    wide++;
    if (CHINESE.test(ch)) chinese++;
  }
  return wide > 0 && chinese >= 0.8 * wide;
}

function indexOfAscii(bytes: Uint8Array, needle: string, within: number): number {
  const end = Math.min(bytes.length, within + needle.length) - needle.length;
  outer: for (let at = 0; at <= end; at++) {
    for (let i = 0; i < needle.length; i++) {
      if (bytes[at + i] !== needle.charCodeAt(i)) continue outer;
    }
    return at;
  }
  return -1;
}

function startsWith(bytes: Uint8Array, ...signature: number[]): boolean {
  return signature.every((byte, i) => bytes[i] === byte);
}

/** Names a file that is not a plan document, so the error says what was uploaded instead. */
export function describe(bytes: Uint8Array): { zh: string; en: string } {
  const is = (zh: string, en: string): { zh: string; en: string } => ({ zh, en });
  if (bytes.length === 0) return is('空文件', 'an empty file');
  if (startsWith(bytes, 0x89, 0x50, 0x4e, 0x47)) return is('PNG 图片', 'a PNG image');
  if (startsWith(bytes, 0xff, 0xd8, 0xff)) return is('JPEG 图片', 'a JPEG image');
  if (startsWith(bytes, 0x47, 0x49, 0x46, 0x38)) return is('GIF 图片', 'a GIF image');
  if (startsWith(bytes, 0x52, 0x49, 0x46, 0x46) && indexOfAscii(bytes, 'WEBP', 12) === 8) {
    return is('WebP 图片', 'a WebP image');
  }
  if (startsWith(bytes, 0x49, 0x49, 0x2a, 0x00) || startsWith(bytes, 0x4d, 0x4d, 0x00, 0x2a)) {
    return is('TIFF 图片', 'a TIFF image');
  }
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) {
    return is(
      '旧版 Office 文件（.doc、.wps、.xls 或 .ppt，请另存为 .docx 或 .pdf）',
      'an old-style Office file (.doc, .wps, .xls or .ppt; save it as .docx or .pdf)',
    );
  }
  if (isZip(bytes)) return describeZip(bytes);
  if (indexOfAscii(bytes, '%PDF-', 1024) >= 0) return is('PDF 文件', 'a PDF');
  if (startsWith(bytes, 0x1f, 0x8b)) return is('gzip 压缩包', 'a gzip archive');
  if (startsWith(bytes, 0x52, 0x61, 0x72, 0x21)) return is('RAR 压缩包', 'a RAR archive');
  if (startsWith(bytes, 0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c)) return is('7-Zip 压缩包', 'a 7-Zip archive');
  if (startsWith(bytes, 0x7f, 0x45, 0x4c, 0x46) || startsWith(bytes, 0x4d, 0x5a)) {
    return is('可执行程序', 'a program (executable)');
  }
  const text = decodeStrict('utf-8', bytes);
  if (text !== null && /^\s*\{\\rtf/.test(text))
    return is('RTF 文档（请另存为 .docx）', 'an RTF document (save it as .docx)');
  if (text !== null && /^\s*(<!doctype html|<html)/i.test(text)) return is('HTML 网页', 'an HTML page');
  if (text !== null && /^\s*<\?xml/.test(text)) return is('XML 文件', 'an XML file');
  return is('二进制数据（不是 UTF-8、UTF-16 或 GB18030 文本）', 'binary data (not UTF-8, UTF-16 or GB18030 text)');
}

function describeZip(bytes: Uint8Array): { zh: string; en: string } {
  const names = readZipDirectory(bytes)?.map((entry) => entry.name);
  if (!names) return { zh: '损坏或不完整的 ZIP 压缩包', en: 'a damaged or truncated ZIP archive' };
  if (names.some((name) => name.startsWith('xl/')))
    return { zh: 'Excel 工作簿（.xlsx）', en: 'an Excel workbook (.xlsx)' };
  if (names.some((name) => name.startsWith('ppt/'))) {
    return { zh: 'PowerPoint 演示文稿（.pptx）', en: 'a PowerPoint presentation (.pptx)' };
  }
  if (names.includes('content.xml')) {
    return {
      zh: 'OpenDocument 文件（.odt/.ods，请另存为 .docx）',
      en: 'an OpenDocument file (.odt/.ods; save it as .docx)',
    };
  }
  return { zh: 'ZIP 压缩包', en: 'a ZIP archive' };
}
