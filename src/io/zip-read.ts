/**
 * Reading a zip (an .xlsx is one) without trusting it: the central directory is read first, the
 * number of entries and each entry's declared size are checked before anything is inflated, and
 * each entry is inflated in slices with its output counted — a part that grows past its limit,
 * or far past what its compressed size makes plausible (a zip bomb: a few KB that inflate to
 * gigabytes), is refused as soon as it does, never held in memory whole.
 */
import { Inflate } from "fflate";

export class ZipError extends Error {
  constructor(
    readonly key: string,
    readonly vars: Record<string, string | number> = {},
  ) {
    super(key);
    this.name = "ZipError";
  }
}

export const ZIP_LIMITS = {
  /** entries in the archive: an .xlsx has tens; more is not a workbook */
  entries: 10_000,
  /** bytes one part may inflate to (declared and actual) */
  part: 200 * 1024 * 1024,
  /** bytes all parts read may inflate to together */
  total: 500 * 1024 * 1024,
  /** inflated / compressed beyond this (once past `ratioFrom` bytes) is a bomb, not XML */
  ratio: 1000,
  ratioFrom: 16 * 1024 * 1024,
};

interface Entry {
  name: string;
  method: number;
  compressed: number;
  size: number;
  offset: number;
}

export interface ZipArchive {
  names: string[];
  has(name: string): boolean;
  /** The entry's bytes, inflated under the limits; undefined when there is no such entry. */
  read(name: string): Uint8Array | undefined;
}

const u16 = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const u32 = (b: Uint8Array, i: number) => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;

export const isZip = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

export function openZip(bytes: Uint8Array, limits = ZIP_LIMITS): ZipArchive {
  // the end of central directory record: 22 bytes, then a comment of up to 65,535
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--)
    if (u32(bytes, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) throw new ZipError("zip.not-zip");
  const count = u16(bytes, eocd + 10);
  const cdOffset = u32(bytes, eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw new ZipError("zip.too-large", { max: limits.part / 2 ** 20 });
  if (count > limits.entries) throw new ZipError("zip.entries", { count, max: limits.entries });
  const entries = new Map<string, Entry>();
  let p = cdOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== 0x02014b50) throw new ZipError("zip.damaged");
    const nameLength = u16(bytes, p + 28);
    const name = new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLength));
    const e: Entry = { name, method: u16(bytes, p + 10), compressed: u32(bytes, p + 20), size: u32(bytes, p + 24), offset: u32(bytes, p + 42) };
    if (e.size > limits.part) throw new ZipError("zip.part-large", { part: name, size: Math.round(e.size / 2 ** 20), max: limits.part / 2 ** 20 });
    entries.set(name, e);
    p += 46 + nameLength + u16(bytes, p + 30) + u16(bytes, p + 32);
  }
  let total = 0;
  return {
    names: [...entries.keys()],
    has: (name) => entries.has(name),
    read(name) {
      const e = entries.get(name);
      if (!e) return undefined;
      const h = e.offset;
      if (h + 30 > bytes.length || u32(bytes, h) !== 0x04034b50) throw new ZipError("zip.damaged");
      const start = h + 30 + u16(bytes, h + 26) + u16(bytes, h + 28);
      const data = bytes.subarray(start, start + e.compressed);
      if (e.method === 0) return data;
      if (e.method !== 8) throw new ZipError("zip.method", { part: name });
      const chunks: Uint8Array[] = [];
      let size = 0;
      let consumed = 0;
      const inflate = new Inflate((chunk) => {
        size += chunk.length;
        total += chunk.length;
        // more than the directory said: the directory lies, as a bomb's does
        if (size > e.size) throw new ZipError("zip.bomb", { part: name });
        if (size > limits.part || total > limits.total) throw new ZipError("zip.part-large", { part: name, size: Math.round(size / 2 ** 20), max: limits.part / 2 ** 20 });
        if (size > limits.ratioFrom && size / Math.max(1, consumed) > limits.ratio) throw new ZipError("zip.bomb", { part: name });
        chunks.push(chunk);
      });
      // small slices: one slice of a bomb inflates to at most ~4 MB before the counts above see it
      const SLICE = 4 * 1024;
      try {
        for (let i = 0; i < data.length; i += SLICE) {
          consumed = Math.min(data.length, i + SLICE);
          inflate.push(data.subarray(i, i + SLICE), i + SLICE >= data.length);
        }
        if (data.length === 0) inflate.push(new Uint8Array(0), true);
      } catch (err) {
        if (err instanceof ZipError) throw err;
        throw new ZipError("zip.damaged");
      }
      if (chunks.length === 1) return chunks[0];
      const out = new Uint8Array(size);
      let at = 0;
      for (const c of chunks) {
        out.set(c, at);
        at += c.length;
      }
      return out;
    },
  };
}
