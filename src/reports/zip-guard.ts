/**
 * Guards against decompression bombs before an XLSX reaches exceljs (which unpacks every part of
 * the zip into memory and builds an object per cell): a 370 KB file can unpack to two million rows.
 *
 * The zip's central directory is read first (what each part claims to unpack to); then every part
 * is inflated as a stream, chunk by chunk, counting the bytes it really unpacks to and the rows of
 * each worksheet, and stopping at the first limit. Nothing of the unpacked text is kept.
 */
import { Buffer } from 'node:buffer';
import { createInflateRaw } from 'node:zlib';

export interface ZipLimits {
  /** All parts together, unpacked. */
  readonly maxUncompressedBytes: number;
  /** `<row>` elements of all worksheets together. */
  readonly maxRows: number;
}

export type ZipVerdict =
  | { ok: true }
  | { ok: false; reason: 'bytes' | 'rows' }
  | { ok: false; reason: 'corrupt' };

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const ZIP64_MARK = 0xffffffff;

function centralDirectory(bytes: Buffer): Entry[] | null {
  const min = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= min; i--) {
    if (bytes.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = bytes.readUInt16LE(eocd + 10);
  let at = bytes.readUInt32LE(eocd + 16);
  const entries: Entry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL) return null;
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    entries.push({
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      uncompressedSize: bytes.readUInt32LE(at + 24),
      localOffset: bytes.readUInt32LE(at + 42),
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The compressed bytes of an entry, or null when the local header does not fit. */
function entryData(bytes: Buffer, entry: Entry): Buffer | null {
  const at = entry.localOffset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL) return null;
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) return null;
  return bytes.subarray(start, end);
}

const ROW_TAG = Buffer.from('<row');

/** Counts `<row` followed by a space, `>` or `/` (not `<rowBreaks>`), across chunk boundaries. */
class RowCounter {
  rows = 0;
  private tail = Buffer.alloc(0);
  feed(chunk: Buffer): void {
    const data = this.tail.length > 0 ? Buffer.concat([this.tail, chunk]) : chunk;
    let at = data.indexOf(ROW_TAG);
    let lastCounted = -1;
    while (at >= 0) {
      const next = data[at + 4];
      if (next === undefined) break; // decided with the next chunk
      if (next === 0x20 || next === 0x3e || next === 0x2f || next === 0x09 || next === 0x0a || next === 0x0d) this.rows++;
      lastCounted = at;
      at = data.indexOf(ROW_TAG, at + 1);
    }
    // Keep the last 4 bytes: enough for a tag cut at the end, never one already counted.
    const keepFrom = Math.max(data.length - 4, lastCounted + 1);
    this.tail = Buffer.from(data.subarray(keepFrom));
  }
}

/**
 * Checks a zip (XLSX) against the limits without keeping what it unpacks to. `corrupt`: the zip
 * structure cannot be read (exceljs would refuse it as well).
 */
export async function inspectZip(data: Uint8Array, limits: ZipLimits): Promise<ZipVerdict> {
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const entries = centralDirectory(bytes);
  if (!entries) return { ok: false, reason: 'corrupt' };
  let declared = 0;
  for (const e of entries) {
    if (e.uncompressedSize === ZIP64_MARK || e.compressedSize === ZIP64_MARK) return { ok: false, reason: 'bytes' };
    declared += e.uncompressedSize;
  }
  if (declared > limits.maxUncompressedBytes) return { ok: false, reason: 'bytes' };

  // The directory may lie: unpack for real, as a stream, and count.
  let total = 0;
  const rows = new RowCounter();
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue;
    const compressed = entryData(bytes, entry);
    if (!compressed) return { ok: false, reason: 'corrupt' };
    const isSheet = /^xl\/worksheets\/[^/]+\.xml$/i.test(entry.name);
    const counter = isSheet ? new RowCounter() : null;
    if (entry.method === 0) {
      total += compressed.length;
      counter?.feed(compressed);
    } else if (entry.method === 8) {
      const verdict = await inflateCounting(compressed, limits.maxUncompressedBytes - total, counter, limits.maxRows - rows.rows);
      if (verdict.reason) return { ok: false, reason: verdict.reason };
      total += verdict.bytes;
    } else {
      return { ok: false, reason: 'corrupt' };
    }
    if (total > limits.maxUncompressedBytes) return { ok: false, reason: 'bytes' };
    if (counter) rows.rows += counter.rows;
    if (rows.rows > limits.maxRows) return { ok: false, reason: 'rows' };
  }
  return { ok: true };
}

function inflateCounting(
  compressed: Buffer,
  byteBudget: number,
  counter: RowCounter | null,
  rowBudget: number,
): Promise<{ bytes: number; reason?: 'bytes' | 'rows' | 'corrupt' }> {
  return new Promise((resolve) => {
    const inflate = createInflateRaw();
    let bytes = 0;
    let done = false;
    const finish = (result: { bytes: number; reason?: 'bytes' | 'rows' | 'corrupt' }): void => {
      if (done) return;
      done = true;
      inflate.removeAllListeners('data');
      inflate.destroy();
      resolve(result);
    };
    inflate.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > byteBudget) return finish({ bytes, reason: 'bytes' });
      if (counter) {
        counter.feed(chunk);
        if (counter.rows > rowBudget) return finish({ bytes, reason: 'rows' });
      }
    });
    inflate.on('error', () => finish({ bytes, reason: 'corrupt' }));
    inflate.on('end', () => finish({ bytes }));
    inflate.end(compressed);
  });
}
