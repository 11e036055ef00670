/**
 * A small XML reader for the parts of an .xlsx: it walks the text once and reports elements by
 * their local name (`x:row` and `row` alike — a workbook may be written with any namespace
 * prefix), their attributes (local names, entities decoded), and their text. Comments,
 * processing instructions, CDATA and a DOCTYPE are understood; nothing is expanded or fetched.
 */

/** XML text back to characters: the five named entities and numeric references. */
export const decodeXml = (s: string): string =>
  s.indexOf("&") < 0
    ? s
    : s.replace(/&(lt|gt|quot|apos|amp|#(\d+)|#x([0-9a-f]+));/gi, (_, name: string, dec?: string, hex?: string) =>
        dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : ({ lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" } as Record<string, string>)[name.toLowerCase()],
      );

export interface XmlHandlers {
  open?(name: string, attrs: Map<string, string>, selfClosing: boolean): void;
  close?(name: string): void;
  text?(text: string): void;
}

export class XmlError extends Error {}

const localName = (qname: string) => {
  const i = qname.indexOf(":");
  return i < 0 ? qname : qname.slice(i + 1);
};

/** `name="value"` pairs of a tag's body, by hand (a regex per tag was a third of reading a sheet). */
function attributes(body: string): Map<string, string> {
  const out = new Map<string, string>();
  let i = 0;
  const n = body.length;
  while (i < n) {
    const eq = body.indexOf("=", i);
    if (eq < 0) break;
    const name = body.slice(i, eq).trim();
    let q = eq + 1;
    while (q < n && (body[q] === " " || body[q] === "\t" || body[q] === "\n" || body[q] === "\r")) q++;
    const quote = body[q];
    if (quote !== '"' && quote !== "'") break;
    const end = body.indexOf(quote, q + 1);
    if (end < 0) throw new XmlError("unclosed attribute value");
    if (name !== "xmlns" && !name.startsWith("xmlns:")) out.set(localName(name), decodeXml(body.slice(q + 1, end)));
    i = end + 1;
  }
  return out;
}

const NO_ATTRS: Map<string, string> = new Map();

export function walkXml(xml: string, h: XmlHandlers): void {
  const n = xml.length;
  let i = 0;
  // where the next quote of each kind is: tags move forward, so each is searched for once
  let nextDouble = xml.indexOf('"');
  let nextSingle = xml.indexOf("'");
  /** Whether the quotes between `from` and `to` come in pairs of either kind. */
  const balanced = (from: number, to: number): boolean => {
    if (nextDouble >= 0 && nextDouble < from) nextDouble = xml.indexOf('"', from);
    if (nextSingle >= 0 && nextSingle < from) nextSingle = xml.indexOf("'", from);
    for (const first of [nextDouble, nextSingle]) {
      if (first < 0 || first >= to) continue;
      const q = xml[first];
      let count = 0;
      for (let k = first; k >= 0 && k < to; k = xml.indexOf(q, k + 1)) count++;
      if (count % 2) return false;
    }
    return true;
  };
  while (i < n) {
    const lt = xml.indexOf("<", i);
    const end = lt < 0 ? n : lt;
    if (end > i && h.text) h.text(decodeXml(xml.slice(i, end)));
    if (lt < 0) break;
    if (xml.startsWith("<!--", lt)) {
      const close = xml.indexOf("-->", lt + 4);
      if (close < 0) throw new XmlError("unclosed comment");
      i = close + 3;
    } else if (xml.startsWith("<![CDATA[", lt)) {
      const close = xml.indexOf("]]>", lt + 9);
      if (close < 0) throw new XmlError("unclosed CDATA");
      if (h.text) h.text(xml.slice(lt + 9, close));
      i = close + 3;
    } else if (xml.startsWith("<?", lt)) {
      const close = xml.indexOf("?>", lt + 2);
      if (close < 0) throw new XmlError("unclosed processing instruction");
      i = close + 2;
    } else if (xml.startsWith("<!", lt)) {
      // a DOCTYPE (with an internal subset in brackets): skipped, never expanded
      let depth = 0;
      let j = lt + 2;
      for (; j < n; j++) {
        const c = xml[j];
        if (c === "[") depth++;
        else if (c === "]") depth--;
        else if (c === ">" && depth <= 0) break;
      }
      i = j + 1;
    } else {
      // a tag: its end is the first ">" outside quoted attribute values — the first ">" at all,
      // unless the quotes before it are unbalanced (a ">" inside a value), then scanned
      let j = xml.indexOf(">", lt + 1);
      if (j < 0) throw new XmlError("unclosed tag");
      if (!balanced(lt + 1, j)) {
        let quote = "";
        for (j = lt + 1; j < n; j++) {
          const c = xml[j];
          if (quote) {
            if (c === quote) quote = "";
          } else if (c === '"' || c === "'") quote = c;
          else if (c === ">") break;
        }
        if (j >= n) throw new XmlError("unclosed tag");
      }
      const body = xml.slice(lt + 1, j);
      if (body.startsWith("/")) h.close?.(localName(body.slice(1).trim()));
      else {
        const selfClosing = body.endsWith("/");
        const inner = selfClosing ? body.slice(0, -1) : body;
        const space = inner.search(/\s/);
        const qname = space < 0 ? inner : inner.slice(0, space);
        h.open?.(localName(qname), space < 0 ? NO_ATTRS : attributes(inner.slice(space)), selfClosing);
        if (selfClosing) h.close?.(localName(qname));
      }
      i = j + 1;
    }
  }
}
