/**
 * SpreadsheetML's escape for characters XML 1.0 cannot hold (ST_Xstring): a control character
 * or U+FFFE/U+FFFF in a cell's text is stored as `_xHHHH_` — as Excel stores a carriage return
 * typed into a cell (`_x000D_`) — and a text that itself reads like an escape has its underscore
 * escaped (`_x005F_`). One file for both ways: the writer keeps every character of a name, the
 * reader gives back what Excel shows (not "_x000D_").
 */

// the characters XML 1.0 forbids in element text, and the carriage return, which every XML
// reader turns into a line feed
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000D\u000E-\u001F\uFFFE\uFFFF]/g;
const LOOKS_ESCAPED = /_(?=x[0-9A-Fa-f]{4}_)/g;
const ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

const hex4 = (c: string) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`;

/** A cell's text as stored: forbidden characters and escape-like runs escaped (XML's own escaping is the caller's). */
export function encodeXstring(s: string): string {
  // most text has neither: one test each, no copies
  if (s.indexOf("_x") >= 0) s = s.replace(LOOKS_ESCAPED, "_x005F_");
  FORBIDDEN.lastIndex = 0;
  return FORBIDDEN.test(s) ? s.replace(FORBIDDEN, hex4) : s;
}

/** A cell's stored text back to its characters. */
export const decodeXstring = (s: string): string => (s.indexOf("_x") < 0 ? s : s.replace(ESCAPE, (_, h: string) => String.fromCharCode(parseInt(h, 16))));
