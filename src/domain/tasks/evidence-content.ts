/**
 * What an evidence file is, told by its bytes and never by its name or the browser's content type: a program
 * renamed 报告.pdf must not be stored and later served as a PDF. Only the formats offices exchange as proof are
 * taken (PDF, Word, Excel, PNG, JPEG, plain text), each with the content type it is served with.
 */
import { isZip, readZipDirectory } from '../../ingest/extract/zip.ts';
import type { Bilingual } from './status.ts';

/** The largest evidence file: a scanned approval or a photo fits; a video does not belong here. */
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

/** The kinds of file taken as evidence. */
export type EvidenceFormat = 'pdf' | 'docx' | 'xlsx' | 'png' | 'jpeg' | 'text';

/** The content type each kind is stored and served with. */
export const EVIDENCE_CONTENT_TYPES: Readonly<Record<EvidenceFormat, string>> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  png: 'image/png',
  jpeg: 'image/jpeg',
  text: 'text/plain; charset=utf-8',
};

/** The formats as a refusal lists them. */
export const ACCEPTED_FORMATS: Bilingual = {
  zh: 'PDF、Word（.docx）、Excel（.xlsx）、PNG、JPEG 图片或 UTF-8 纯文本',
  en: 'PDF, Word (.docx), Excel (.xlsx), PNG, JPEG or UTF-8 plain text',
};

/** What the bytes are: an accepted format, or a description of what was found instead. */
export type Detected = { format: EvidenceFormat; contentType: string } | { format: null; found: Bilingual };

/**
 * Tells an evidence file's format from its content.
 * @example detectEvidence(new TextEncoder().encode('%PDF-1.4 … %%EOF')).format // 'pdf'
 */
export function detectEvidence(bytes: Uint8Array): Detected {
  const format = formatOf(bytes);
  if (format !== null) return { format, contentType: EVIDENCE_CONTENT_TYPES[format] };
  return { format: null, found: describe(bytes) };
}

function formatOf(bytes: Uint8Array): EvidenceFormat | null {
  if (bytes.length === 0) return null;
  // A PDF cut short is refused, not taken as the text it also is.
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return hasPdfEnd(bytes) ? 'pdf' : null;
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (isZip(bytes)) return officeFormat(bytes);
  return isPlainText(bytes) ? 'text' : null;
}

// Readers look for %%EOF in the last 1024 bytes; without it the file is cut short (a failed upload).
function hasPdfEnd(bytes: Uint8Array): boolean {
  const tail = new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, bytes.length - 1024)));
  return tail.includes('%%EOF');
}

function officeFormat(bytes: Uint8Array): EvidenceFormat | null {
  const names = readZipDirectory(bytes)?.map((entry) => entry.name) ?? [];
  if (names.includes('word/document.xml')) return 'docx';
  if (names.includes('xl/workbook.xml')) return 'xlsx';
  return null;
}

// Text is UTF-8 without control characters other than tab, line breaks and form feed: a binary file decodes as
// UTF-8 only by accident, and never without a NUL or another control byte for long.
function isPlainText(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  for (const char of text) {
    const code = char.charCodeAt(0);
    const allowed = code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d;
    if ((code < 0x20 && !allowed) || code === 0x7f) return false;
  }
  return true;
}

function describe(bytes: Uint8Array): Bilingual {
  if (bytes.length === 0) return { zh: '空文件', en: 'an empty file' };
  if (startsWith(bytes, [0x4d, 0x5a]) || startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46])) {
    return { zh: '可执行程序', en: 'a program (executable)' };
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) {
    return { zh: '不完整的 PDF（缺少文件结尾 %%EOF，可能未传完）', en: 'an incomplete PDF (no %%EOF: cut short?)' };
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return {
      zh: '旧版 Office 文件（.doc/.xls，请另存为 .docx/.xlsx 或 PDF）',
      en: 'an old Office file (.doc/.xls: save it as .docx/.xlsx or PDF)',
    };
  }
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return { zh: 'GIF 图片', en: 'a GIF image' };
  if (isZip(bytes)) return { zh: '其他 ZIP 压缩文件', en: 'another kind of ZIP archive' };
  return { zh: '无法识别的二进制内容（或非 UTF-8 编码的文本）', en: 'unrecognised binary data (or text not in UTF-8)' };
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}
