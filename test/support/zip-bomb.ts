/**
 * Builds XLSX-shaped zips for decompression-bomb tests without holding what they unpack to: the
 * worksheet is deflated as a stream from one repeated chunk of rows.
 */
import { Buffer } from 'node:buffer';
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

interface Part {
  name: string;
  data: Buffer;
  crc: number;
  size: number;
}

const CONTENT_TYPES = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="xml" ContentType="application/xml"/></Types>',
);

/** A deflated worksheet of `rows` rows (one cell each), made chunk by chunk. */
export async function deflatedSheet(rows: number): Promise<Part> {
  const perChunk = 2000;
  const row = '<row><c t="inlineStr"><is><t>x</t></is></c></row>';
  const chunk = Buffer.from(row.repeat(perChunk));
  const head = Buffer.from('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>');
  const foot = Buffer.from('</sheetData></worksheet>');
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (c: Buffer) => out.push(c));
  const ended = new Promise<void>((resolve) => deflate.on('end', resolve));
  let crc = crc32(head);
  let size = head.length;
  const write = (b: Buffer): Promise<void> => new Promise((resolve) => (deflate.write(b) ? resolve() : deflate.once('drain', resolve)));
  await write(head);
  let left = rows;
  while (left > 0) {
    const n = Math.min(perChunk, left);
    const part = n === perChunk ? chunk : Buffer.from(row.repeat(n));
    crc = crc32(part, crc);
    size += part.length;
    await write(part);
    left -= n;
  }
  crc = crc32(foot, crc);
  size += foot.length;
  deflate.end(foot);
  await ended;
  return { name: 'xl/worksheets/sheet1.xml', data: Buffer.concat(out), crc, size };
}

function stored(name: string, content: Buffer): Part {
  return { name, data: deflateRawSync(content), crc: crc32(content), size: content.length };
}

/**
 * A zip of [Content_Types].xml and the given parts. `claimedSize` replaces the worksheet's
 * unpacked size in the central directory (a zip that lies about it).
 */
export function zipOf(parts: Part[], options: { claimedSize?: number } = {}): Buffer {
  const all = [stored('[Content_Types].xml', CONTENT_TYPES), ...parts];
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of all) {
    const name = Buffer.from(p.name);
    const size = options.claimedSize !== undefined && p.name.startsWith('xl/worksheets/') ? options.claimedSize : p.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(p.crc >>> 0, 14);
    local.writeUInt32LE(p.data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(p.crc >>> 0, 16);
    central.writeUInt32LE(p.data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, p.data);
    centrals.push(central, name);
    offset += local.length + name.length + p.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(all.length, 8);
  end.writeUInt16LE(all.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
