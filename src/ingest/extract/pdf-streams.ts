import { constants, createInflate } from 'node:zlib';
import { UnreadableFileError } from './unreadable.ts';

/**
 * What a PDF's compressed streams may unpack to before pdf.js reads them. pdf.js keeps a decoded stream whole in
 * memory, so a 2 MB file whose page content is a FlateDecode stream of zeros (the PDF form of a zip bomb) would
 * take gigabytes. A real plan's pages, fonts and object streams unpack to a few tens of MB.
 */
export const MAX_PDF_UNPACKED_BYTES = 256 * 1024 * 1024;

/** A stream's dictionary is looked for this far before its `stream` keyword. */
const DICTIONARY_SEARCH = 4096;

/**
 * Inflates every FlateDecode stream pdf.js would decode to read the text (images are skipped: text extraction never
 * decodes them), and throws when together they pass the limit. An encrypted PDF's streams cannot be measured before
 * pdf.js decrypts them, so for those the check sees nothing: that gap is known.
 */
export async function checkPdfStreams(bytes: Uint8Array, limit = MAX_PDF_UNPACKED_BYTES): Promise<void> {
  const pdf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let total = 0;
  let at = pdf.indexOf('stream');
  while (at >= 0) {
    const next = pdf.indexOf('stream', at + 6);
    if (!isStreamKeyword(pdf, at)) {
      at = next;
      continue;
    }
    const dictionary = pdf.toString('latin1', Math.max(0, at - DICTIONARY_SEARCH), at);
    const ownDictionary = dictionary.slice(dictionary.lastIndexOf('obj') + 3);
    const start = dataStart(pdf, at + 6);
    const end = pdf.indexOf('endstream', start);
    if (end < 0) break;
    if (/\/FlateDecode|\/Fl\b/.test(ownDictionary) && !/\/Subtype\s*\/Image/.test(ownDictionary)) {
      total += await inflatedLength(pdf.subarray(start, end), limit - total + 1);
      if (total > limit) {
        const mb = Math.round(limit / 1024 / 1024);
        throw new UnreadableFileError(
          `PDF 的压缩内容解压后超过 ${String(mb)} MB（疑为压缩炸弹），不予读取`,
          `its compressed streams unpack to more than ${String(mb)} MB (a decompression bomb?), so it is not read`,
        );
      }
    }
    at = pdf.indexOf('stream', end + 9);
  }
}

/** `stream` as a keyword, not the tail of `endstream` nor part of a name or a word in text. */
function isStreamKeyword(pdf: Buffer, at: number): boolean {
  if (at >= 3 && pdf.toString('latin1', at - 3, at) === 'end') return false;
  const after = pdf[at + 6];
  return after === 0x0d || after === 0x0a;
}

function dataStart(pdf: Buffer, after: number): number {
  if (pdf[after] === 0x0d && pdf[after + 1] === 0x0a) return after + 2;
  return after + 1;
}

/**
 * The unpacked length, counted as it streams out (nothing is kept) and stopped past `cap`. A damaged stream counts
 * what came out before the damage, as pdf.js decodes it that far; an encrypted one inflates to nothing here, since
 * its bytes are not deflate data until pdf.js decrypts them.
 */
function inflatedLength(data: Buffer, cap: number): Promise<number> {
  return new Promise((resolve) => {
    const inflate = createInflate({ finishFlush: constants.Z_SYNC_FLUSH });
    let total = 0;
    inflate.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > cap) {
        inflate.destroy();
        resolve(total);
      }
    });
    inflate.on('error', () => {
      resolve(total);
    });
    inflate.on('end', () => {
      resolve(total);
    });
    inflate.end(data);
  });
}
