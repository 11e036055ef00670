/**
 * XML text for SpreadsheetML: escaping. The characters XML 1.0 cannot hold never get here: a
 * cell's text (the roster's names, departments …) has them escaped first, as Excel stores them
 * (_x0007_, xstring.ts), and the scheme's texts and sheet names are refused where they are given
 * (text-check.ts). So one that does get here is a bug of ours, said as such, never a character
 * dropped from someone's name.
 */

import { charName } from "../../core/scheme/text-check.js";

// the characters XML 1.0 forbids
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

const SPECIAL = /[&<>"\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

export function esc(s: string): string {
  // most text needs nothing: one test, no copies
  if (!SPECIAL.test(s)) return s;
  const bad = INVALID.exec(s);
  if (bad) throw new Error(`internal: the text ${JSON.stringify(s.slice(0, 40))} reached the .xlsx writer holding ${charName(bad[0])}, which XML cannot hold; every source of text is checked before this`);
  let out = s;
  if (/[&<>"]/.test(out)) out = out.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  return out;
}

export const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
export const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
