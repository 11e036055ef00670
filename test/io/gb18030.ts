/**
 * An encoder for GB18030's two-byte part (GBK: every Chinese character a roster holds), built from
 * the platform's own decoder — so that the tests can write files the way Excel on Chinese Windows
 * saves "CSV", without a committed table.
 */
let table: Map<string, number[]> | null = null;

function build(): Map<string, number[]> {
  const map = new Map<string, number[]>();
  const d = new TextDecoder("gb18030", { fatal: true });
  for (let lead = 0x81; lead <= 0xfe; lead++)
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      try {
        const ch = d.decode(new Uint8Array([lead, trail]));
        if (!map.has(ch)) map.set(ch, [lead, trail]);
      } catch {
        // not a character
      }
    }
  return map;
}

export function encodeGb18030(text: string): Uint8Array {
  table ??= build();
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else {
      const bytes = table.get(ch);
      if (!bytes) throw new Error(`no GBK bytes for ${ch}`);
      out.push(...bytes);
    }
  }
  return new Uint8Array(out);
}

export function encodeUtf16le(text: string, bom = true): Uint8Array {
  const out = new Uint8Array((bom ? 2 : 0) + text.length * 2);
  let i = 0;
  if (bom) {
    out[i++] = 0xff;
    out[i++] = 0xfe;
  }
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    out[i++] = c & 0xff;
    out[i++] = c >> 8;
  }
  return out;
}
