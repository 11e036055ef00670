// How LibreOffice pays for a rank over a column, two exact forms side by side (issue 13's quadratic
// term): node bench/rank-forms.mjs <people> → one JSON line. "countif": 1 + COUNTIF(totals,
// ">"&total) in every row (what the workbook writes now: a scan of the column per row).
// "frequency": one FREQUENCY array over the score domain (0–100 at 2 decimals: 10,001 bins) on a
// helper sheet, a running count beside it, and rank = N − count(≤ total) + 1 by INDEX — linear.
// Measured 2026-12-03 (2 cores): 16,000 people 19.7 s vs 2.0 s; 64,000 with FREQUENCY 3.2 s; the
// ranks equal. The workbook writes the FREQUENCY form from 1,000 people on (src/workbook/plan/rank-table.ts).
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";

const n = Number(process.argv[2] ?? 16_000);
const soffice = spawnSync("sh", ["-c", "command -v soffice"], { encoding: "utf8" }).stdout.trim();
if (!soffice) {
  console.log(JSON.stringify({ rows: n, missing: "soffice" }));
  process.exit(0);
}
const BINS = 10_001;
let seed = 7;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const totals = Array.from({ length: n }, () => Math.round(random() * 10_000) / 100);
const last = n + 1;
const xml = (rows) => `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join("")}</sheetData></worksheet>`;

function book(mode) {
  const rows = totals.map((v, i) => {
    const r = i + 2;
    const f = mode === "countif" ? `COUNTIF($A$2:$A$${last},"&gt;"&amp;A${r})+1` : `${n}-INDEX(H!$C$1:$C$${BINS},ROUND(A${r}*100,0)+1)+1`;
    return `<row r="${r}"><c r="A${r}"><v>${v}</v></c><c r="B${r}"><f>${f}</f></c></row>`;
  });
  const helper = Array.from({ length: BINS }, (_, k) => {
    const r = k + 1;
    const freq = k === 0 ? `<c r="B1"><f t="array" ref="B1:B${BINS}">FREQUENCY(S!$A$2:$A$${last},$A$1:$A$${BINS})</f></c>` : "";
    return `<row r="${r}"><c r="A${r}"><v>${k / 100}</v></c>${freq}<c r="C${r}"><f>${k === 0 ? "B1" : `C${k}+B${r}`}</f></c></row>`;
  });
  const ct = "application/vnd.openxmlformats-officedocument.spreadsheetml";
  return zipSync({
    "[Content_Types].xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${ct}.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${ct}.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="${ct}.worksheet+xml"/></Types>`,
    ),
    "_rels/.rels": strToU8(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    "xl/workbook.xml": strToU8(`<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/><sheet name="H" sheetId="2" r:id="rId2"/></sheets></workbook>`),
    "xl/_rels/workbook.xml.rels": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/></Relationships>`,
    ),
    "xl/worksheets/sheet1.xml": strToU8(xml([`<row r="1"><c r="A1" t="inlineStr"><is><t>total</t></is></c></row>`, ...rows])),
    "xl/worksheets/sheet2.xml": strToU8(xml(helper)),
  });
}

const dir = mkdtempSync(join(tmpdir(), "kpi-rank-forms-"));
mkdirSync(join(dir, "profile", "user"), { recursive: true });
writeFileSync(
  join(dir, "profile", "user", "registrymodifications.xcu"),
  `<?xml version="1.0" encoding="UTF-8"?><oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item></oor:items>`,
);
const expected = totals.map((v) => totals.filter((x) => x > v).length + 1);
const out = {};
for (const mode of ["frequency", "countif"]) {
  const file = join(dir, `${mode}.xlsx`);
  writeFileSync(file, book(mode));
  const t0 = performance.now();
  // the first sheet as CSV, after LibreOffice recalculated it on load
  execFileSync(soffice, [`-env:UserInstallation=file://${join(dir, "profile")}`, "--headless", "--norestore", "--convert-to", "csv", "--outdir", dir, file], { stdio: "pipe", timeout: 3_600_000 });
  const seconds = (performance.now() - t0) / 1000;
  const ranks = readFileSync(join(dir, `${mode}.csv`), "utf8").trim().split("\n").slice(1).map((l) => Number(l.split(",")[1]));
  out[mode] = { seconds, exact: ranks.length === n && ranks.every((r, i) => r === expected[i]) };
}
rmSync(dir, { recursive: true, force: true });
console.log(JSON.stringify({ rows: n, ...out }));
