import { inflateRawSync } from 'node:zlib';
import { UnreadableFileError } from './unreadable.ts';

/** One file listed in a ZIP archive's central directory. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; anything else is left to the caller. */
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
/** The end record is 22 bytes plus a comment of at most 65,535. */
const EOCD_SEARCH = 22 + 0xffff;

/** True when the bytes start like a ZIP archive (a local file header, or the end record of an empty archive). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
}

/** Lists a ZIP archive's entries from its central directory; null when it has none readable, or is ZIP64. */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] | null {
  // A missing directory means a truncated download or not a ZIP; ZIP64 (over 4 GB or 65,535 files) is no plan.
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndRecord(view);
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  const directorySize = view.getUint32(eocd + 12, true);
  const directoryOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || directoryOffset === 0xffffffff) return null;
  if (directoryOffset + directorySize > eocd) return null;

  const decoder = new TextDecoder('utf-8');
  const entries: ZipEntry[] = [];
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > eocd || view.getUint32(at, true) !== CENTRAL_SIGNATURE) return null;
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    if (at + 46 + nameLength > eocd) return null;
    entries.push({
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      uncompressedSize: view.getUint32(at + 24, true),
      localHeaderOffset: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function findEndRecord(view: DataView): number {
  const last = view.byteLength - 22;
  const first = Math.max(0, view.byteLength - EOCD_SEARCH);
  for (let at = last; at >= first; at--) {
    if (view.getUint32(at, true) === EOCD_SIGNATURE) return at;
  }
  return -1;
}

/**
 * Unpacked size of the entries `select` picks; throws, naming the entry, past `limit` bytes or on damaged data.
 * `inspect` sees each picked entry's unpacked bytes, to refuse content no office program writes (a DTD, say).
 */
export function checkInflatedSize(
  bytes: Uint8Array,
  entries: readonly ZipEntry[],
  select: (entry: ZipEntry) => boolean,
  limit: number,
  inspect: (entry: ZipEntry, data: Uint8Array) => void = () => undefined,
): number {
  // Declared sizes can lie, so the bytes are really inflated, into a capped buffer, rather than trusted.
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let total = 0;
  for (const entry of entries) {
    if (!select(entry)) continue;
    if (total + entry.uncompressedSize > limit) throw tooLarge(entry, limit);
    const at = entry.localHeaderOffset;
    if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL_SIGNATURE) throw damaged(entry);
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const data = bytes.subarray(start, start + entry.compressedSize);
    let unpacked: Uint8Array;
    if (entry.method === 0) {
      unpacked = data;
    } else if (entry.method === 8) {
      try {
        unpacked = inflateRawSync(data, { maxOutputLength: limit - total + 1 });
      } catch (error) {
        throw error instanceof RangeError ? tooLarge(entry, limit) : damaged(entry);
      }
    } else {
      throw new UnreadableFileError(
        `${entry.name} 使用了不支持的压缩方式 ${String(entry.method)}`,
        `${entry.name} uses unsupported compression method ${String(entry.method)}`,
      );
    }
    total += unpacked.length;
    if (total > limit) throw tooLarge(entry, limit);
    inspect(entry, unpacked);
  }
  return total;
}

function tooLarge(entry: ZipEntry, limit: number): UnreadableFileError {
  const mb = Math.round(limit / 1024 / 1024);
  return new UnreadableFileError(
    `${entry.name} 解压后超过 ${String(mb)} MB（疑为压缩炸弹）`,
    `${entry.name} unpacks to more than ${String(limit)} bytes (${String(mb)} MB: a zip bomb?)`,
  );
}

function damaged(entry: ZipEntry): UnreadableFileError {
  return new UnreadableFileError(`${entry.name} 已损坏`, `${entry.name} is damaged`);
}

/**
 * True when an XML part declares a DTD. Office Open XML forbids them (ISO/IEC 29500-2 §8.1.4), so a DOCTYPE in a .docx
 * or .xlsx is a hand-made file, and refusing it keeps entity tricks (billion laughs, SYSTEM entities reading
 * /etc/passwd) away from the XML parsers whatever those parsers would do.
 */
export function declaresDtd(xml: Uint8Array): boolean {
  // Anywhere, not only at the top: comments may come before a DOCTYPE, and UTF-16 parts spell it in two-byte units.
  const part = Buffer.from(xml.buffer, xml.byteOffset, xml.byteLength);
  return DTD_MARKS.some((mark) => part.includes(mark));
}

const DTD_MARKS = ['<!DOCTYPE', '<!ENTITY'].flatMap((mark) => [
  Buffer.from(mark, 'latin1'),
  Buffer.from(mark, 'utf16le'),
  Buffer.from(mark, 'utf16le').swap16(),
]);
