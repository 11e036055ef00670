// LibreOffice recalculating a generated native workbook on load (what WPS and Excel also pay when
// the file opens): node bench/libreoffice.mjs <scheme> <rows> → one JSON line. Two figures: the
// workbook loaded, recalculated and every sheet's values written out as CSV (what opening the file
// costs: the file carries no cached values here, so every value shown is one LibreOffice computed),
// and the same workbook saved again as .xlsx (LibreOffice's own .xlsx writer on top, about as much
// again). LibreOffice's start is measured alone and taken off both, so that the growth ratio
// compares the work on the file.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { builtInScheme } from "../lib/schemes/index.js";
import { sampleData } from "../lib/core/sample.js";
import { parseRecords } from "../lib/core/data.js";
import { buildWorkbookPlan } from "../lib/workbook/plan/build-plan.js";
import { writeXlsx } from "../lib/workbook/xlsx/write-xlsx.js";

const [schemeId = "ecommerce-cs", rowsText = "8000"] = process.argv.slice(2);
const rows = Number(rowsText);
const soffice = spawnSync("sh", ["-c", "command -v soffice"], { encoding: "utf8" }).stdout.trim();
if (!soffice) {
  console.log(JSON.stringify({ scheme: schemeId, rows, seconds: null, missing: "soffice" }));
  process.exit(0);
}
const dir = mkdtempSync(join(tmpdir(), "kpi-bench-lo-"));
const profile = join(dir, "profile");
mkdirSync(join(profile, "user"), { recursive: true });
writeFileSync(
  join(profile, "user", "registrymodifications.xcu"),
  `<?xml version="1.0" encoding="UTF-8"?><oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item></oor:items>`,
);
const scheme = builtInScheme(schemeId);
const s = sampleData(scheme, { rows, seed: 9 });
const { people } = parseRecords(s.header, s.rows.map((cells, i) => ({ line: i + 2, cells })), scheme);
const file = join(dir, "book.xlsx");
writeFileSync(file, await writeXlsx(buildWorkbookPlan(scheme, people, { lang: "zh-CN", mode: "native", arrayFormulas: true })));
// every sheet as a CSV file of its own (the last filter token, -1: all sheets; LibreOffice 7.2+)
const CSV_ALL = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";
const convert = (f, to = CSV_ALL) => {
  const t0 = performance.now();
  execFileSync(soffice, [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", to, "--outdir", join(dir, "out"), f], { stdio: "pipe", timeout: 3_600_000 });
  return (performance.now() - t0) / 1000;
};
// LibreOffice's own start (first start of a profile is slower: warmed once), on a one-cell file
const tiny = join(dir, "tiny.xlsx");
writeFileSync(tiny, await writeXlsx({ lang: "zh-CN", mode: "native", names: [], sheets: [{ name: "A", role: "summary", blocks: [{ row: 1, col: 0, values: [[1]] }], validations: [], conditional: [], widths: [], protect: false }] }));
convert(tiny);
const start = convert(tiny);
const seconds = convert(file);
// the values really are LibreOffice's (the file has none cached): the payout sheet's first person
// has a pay, the last column, which only its formulas give
const payout = readFileSync(join(dir, "out", "book-发放.csv"), "utf8").split(/\r?\n/)[2] ?? "";
if (!/,-?\d+(\.\d+)?$/.test(payout)) throw new Error(`LibreOffice's CSV of the payout sheet has no pay: ${payout.slice(0, 200)}`);
const savedSeconds = convert(file, "xlsx");
rmSync(dir, { recursive: true, force: true });
console.log(JSON.stringify({ scheme: schemeId, rows, seconds, startSeconds: start, recalcSeconds: seconds - start, savedXlsxSeconds: savedSeconds - start }));
