/**
 * A zip written as its parts are produced: each part's text is deflated in slices as it comes
 * (never the whole sheet XML as one string or one buffer), its CRC and sizes follow it in a data
 * descriptor, and the central directory closes the file. The deflate itself is the codec's:
 * fflate's streaming Deflate by default (the browser), Node's native zlib where the CLI runs
 * (several times faster). Entries carry a fixed date, so the same input gives the same bytes.
 */
import { Deflate } from "fflate";

/** Deflates one part: raw deflate (no zlib header), fed in slices, the last one marked. */
export interface Deflater {
  /** must copy or consume `data` before it returns: the writer reuses the array */
  push(data: Uint8Array, last: boolean): void;
}

export interface ZipCodec {
  /** a deflater for one part, handing its compressed bytes to `out` as they are made */
  deflater(out: (chunk: Uint8Array) => void): Deflater;
  /** CRC-32 of `data` continuing from `crc` (0 to start); a JS table is used where absent */
  crc32?(data: Uint8Array, crc: number): number;
}

/** fflate's streaming deflate, at the fast level: an .xlsx's XML compresses ~7× at level 1 anyway. */
export const fflateCodec: ZipCodec = {
  deflater(out) {
    const d = new Deflate({ level: 1 }, (chunk) => out(chunk));
    return { push: (data, last) => d.push(data, last) };
  },
};

let table: Int32Array | null = null;
function crc32Js(data: Uint8Array, crc: number): number {
  if (!table) {
    table = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c;
    }
  }
  let c = ~crc;
  for (let i = 0; i < data.length; i++) c = table[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

/** Slices of this size are handed to the deflater: big enough that the per-call cost vanishes. */
const SLICE = 1 << 20;
/** Pieces up to this many UTF-16 units are encoded straight into a slice (3 bytes each at most). */
const PIECE_MAX = 1 << 19;
const utf8 = new TextEncoder();
// 1980-01-01 00:00, the earliest DOS date: a fixed time keeps the output reproducible
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

interface Written {
  name: Uint8Array;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

export class ZipWriter {
  private chunks: Uint8Array[] = [];
  private offset = 0;
  private entries: Written[] = [];
  private readonly crc32: (data: Uint8Array, crc: number) => number;
  /**
   * The one slice every part's text is encoded into, reused: both deflaters copy or consume what
   * they are given before push returns (fflate copies it into its window, zlib's sync call has
   * compressed it), so a fresh 2.5 MB array per slice was only garbage (~400 MB at 100,000 people).
   */
  private readonly slice = new Uint8Array(SLICE + 3 * PIECE_MAX);

  constructor(private readonly codec: ZipCodec = fflateCodec) {
    this.crc32 = codec.crc32 ?? crc32Js;
  }

  private emit(chunk: Uint8Array) {
    if (chunk.length === 0) return;
    this.chunks.push(chunk);
    this.offset += chunk.length;
  }

  /** One part, from its text in pieces (a string or a generator of strings). */
  file(name: string, content: string | Iterable<string>): void {
    const nameBytes = utf8.encode(name);
    const offset = this.offset;
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    // bit 3: sizes and CRC in a data descriptor after the data; bit 11: the name is UTF-8
    local.setUint16(6, 0x0808, true);
    local.setUint16(8, 8, true);
    local.setUint16(10, DOS_TIME, true);
    local.setUint16(12, DOS_DATE, true);
    local.setUint16(26, nameBytes.length, true);
    this.emit(new Uint8Array(local.buffer));
    this.emit(nameBytes);

    let crc = 0;
    let size = 0;
    let compressed = 0;
    const deflater = this.codec.deflater((chunk) => {
      compressed += chunk.length;
      this.emit(chunk);
    });
    // pieces are encoded into slices of about SLICE bytes, without joining them into one string
    const slice = this.slice;
    let used = 0;
    const flush = (last: boolean) => {
      const bytes = slice.subarray(0, used);
      crc = this.crc32(bytes, crc);
      size += bytes.length;
      deflater.push(bytes, last);
      used = 0;
    };
    const add = (piece: string) => {
      if (3 * piece.length > slice.length - used) {
        // a piece larger than a slice has room for (a long custom XML part): encoded on its own
        if (used) flush(false);
        const bytes = utf8.encode(piece);
        crc = this.crc32(bytes, crc);
        size += bytes.length;
        deflater.push(bytes, false);
        return;
      }
      used += utf8.encodeInto(piece, used ? slice.subarray(used) : slice).written;
      if (used >= SLICE) flush(false);
    };
    if (typeof content === "string") add(content);
    else for (const piece of content) add(piece);
    flush(true);

    if (size > 0xffffffff || this.offset > 0xffffffff) throw new Error(`zip part ${name} is over 4 GB`);
    const descriptor = new DataView(new ArrayBuffer(16));
    descriptor.setUint32(0, 0x08074b50, true);
    descriptor.setUint32(4, crc, true);
    descriptor.setUint32(8, compressed, true);
    descriptor.setUint32(12, size, true);
    this.emit(new Uint8Array(descriptor.buffer));
    this.entries.push({ name: nameBytes, crc, compressed, size, offset });
  }

  /** The central directory, and the whole file as one array. */
  finish(): Uint8Array {
    const start = this.offset;
    for (const e of this.entries) {
      const h = new DataView(new ArrayBuffer(46));
      h.setUint32(0, 0x02014b50, true);
      h.setUint16(4, 20, true);
      h.setUint16(6, 20, true);
      h.setUint16(8, 0x0808, true);
      h.setUint16(10, 8, true);
      h.setUint16(12, DOS_TIME, true);
      h.setUint16(14, DOS_DATE, true);
      h.setUint32(16, e.crc, true);
      h.setUint32(20, e.compressed, true);
      h.setUint32(24, e.size, true);
      h.setUint16(28, e.name.length, true);
      h.setUint32(42, e.offset, true);
      this.emit(new Uint8Array(h.buffer));
      this.emit(e.name);
    }
    const end = new DataView(new ArrayBuffer(22));
    end.setUint32(0, 0x06054b50, true);
    end.setUint16(8, this.entries.length, true);
    end.setUint16(10, this.entries.length, true);
    end.setUint32(12, this.offset - start, true);
    end.setUint32(16, start, true);
    this.emit(new Uint8Array(end.buffer));
    const out = new Uint8Array(this.offset);
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    this.chunks = [];
    return out;
  }
}
