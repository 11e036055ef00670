/**
 * Text files as Chinese offices make them: UTF-8 (with or without a BOM), UTF-16 with a BOM
 * (Excel's "Unicode text"), or GB18030/GBK (Excel's "CSV" on Chinese Windows, which has no BOM).
 * Strict UTF-8 first; a file that is not valid UTF-8 is read as GB18030. Nothing is ever decoded
 * into U+FFFD: a file no encoding reads cleanly is refused with the line where it breaks.
 */
export type TextEncodingName = "utf-8" | "utf-16le" | "utf-16be" | "gb18030";

export class TextDecodeError extends Error {
  constructor(
    readonly key: string,
    readonly vars: { line: number },
  ) {
    super(`${key} (line ${vars.line})`);
    this.name = "TextDecodeError";
  }
}

/** The line (1-based) of the first byte that `encoding` cannot read, found by halving. */
function badLine(bytes: Uint8Array, encoding: string): number {
  const fine = (n: number) => {
    try {
      new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(0, n), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  let lo = 0;
  let hi = bytes.length;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (fine(mid)) lo = mid;
    else hi = mid;
  }
  let line = 1;
  for (let i = 0; i < lo; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

function strict(bytes: Uint8Array, encoding: string): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

/** Text with control characters other than tab and line breaks is not a table someone typed: a binary file. */
function checked(r: { text: string; encoding: TextEncodingName }): { text: string; encoding: TextEncodingName } {
  const bad = r.text.search(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffd]/);
  if (bad >= 0) throw new TextDecodeError("roster.binary", { line: r.text.slice(0, bad).split("\n").length });
  return r;
}

export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    const text = strict(bytes.subarray(2), "utf-16le");
    if (text === null) throw new TextDecodeError("roster.bad-encoding", { line: 1 });
    return checked({ text, encoding: "utf-16le" });
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const text = strict(bytes.subarray(2), "utf-16be");
    if (text === null) throw new TextDecodeError("roster.bad-encoding", { line: 1 });
    return checked({ text, encoding: "utf-16be" });
  }
  // UTF-16 without a BOM: every other byte of Latin text is 0
  let zeros = 0;
  const probe = Math.min(bytes.length, 2000);
  for (let i = 1; i < probe; i += 2) if (bytes[i] === 0) zeros++;
  if (probe > 8 && zeros > probe / 8 && bytes[0] !== 0) {
    const text = strict(bytes, "utf-16le");
    if (text !== null) return checked({ text, encoding: "utf-16le" });
  }
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const utf8 = strict(bytes.subarray(start), "utf-8");
  if (utf8 !== null) return checked({ text: utf8, encoding: "utf-8" });
  // a BOM says UTF-8: a broken byte after it is a broken file, not another encoding
  if (start === 3) throw new TextDecodeError("roster.bad-utf8", { line: badLine(bytes.subarray(3), "utf-8") });
  const gb = strict(bytes, "gb18030");
  if (gb !== null) return checked({ text: gb, encoding: "gb18030" });
  throw new TextDecodeError("roster.bad-encoding", { line: Math.max(badLine(bytes, "utf-8"), badLine(bytes, "gb18030")) });
}
