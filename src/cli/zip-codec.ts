/**
 * The zip codec where the CLI runs: Node's native zlib, ~6× faster than fflate's JavaScript
 * deflate at the same level. Each slice is deflated on its own and ended with a sync flush (byte
 * aligned, not final), the last one finished: concatenated, the segments are one valid deflate
 * stream (as pigz writes them), and every call stays synchronous.
 */
import { constants, crc32, deflateRawSync } from "node:zlib";
import type { ZipCodec } from "../workbook/xlsx/zip-write.js";

export const nodeZipCodec: ZipCodec = {
  deflater: (out) => ({
    push: (data, last) => out(deflateRawSync(data, { level: 1, finishFlush: last ? constants.Z_FINISH : constants.Z_SYNC_FLUSH })),
  }),
  // zlib.crc32: Node 20.15 and later (package.json asks for 20.19)
  crc32: (data, crc) => crc32(data, crc),
};
