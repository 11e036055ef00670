/**
 * The manifest's requirement sets are the ones the code needs: each Office API member the sources
 * use is looked up in a table of the set that introduced it (from the Office JavaScript API
 * reference), and the highest, per set, must be exactly what the manifest declares — an API used
 * beyond it would fail in the Excel versions the manifest admits; a set declared above it would
 * shut out Excel versions that could run the add-in. An API used only when present (print
 * settings) is guarded in the code, and the guard is checked.
 */
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";

const root = resolve(__dirname, "../..");

/** API member (as written after a dot) → the requirement set and version that has it. */
const API: Record<string, { set: string; version: number; guard?: RegExp }> = {
  getUsedRange: { set: "ExcelApi", version: 1.1 },
  getSelectedRange: { set: "ExcelApi", version: 1.1 },
  formulasR1C1: { set: "ExcelApi", version: 1.1 },
  numberFormat: { set: "ExcelApi", version: 1.1 },
  calculate: { set: "ExcelApi", version: 1.1 },
  activate: { set: "ExcelApi", version: 1.1 },
  columnWidth: { set: "ExcelApi", version: 1.1 },
  rowHeight: { set: "ExcelApi", version: 1.1 },
  wrapText: { set: "ExcelApi", version: 1.1 },
  protection: { set: "ExcelApi", version: 1.2 },
  locked: { set: "ExcelApi", version: 1.2 },
  columnHidden: { set: "ExcelApi", version: 1.2 },
  getItemOrNullObject: { set: "ExcelApi", version: 1.4 },
  getRangeOrNullObject: { set: "ExcelApi", version: 1.4 },
  customXmlParts: { set: "ExcelApi", version: 1.5 },
  getByNamespace: { set: "ExcelApi", version: 1.5 },
  conditionalFormats: { set: "ExcelApi", version: 1.6 },
  dataBar: { set: "ExcelApi", version: 1.6 },
  suspendApiCalculationUntilNextSync: { set: "ExcelApi", version: 1.6 },
  freezePanes: { set: "ExcelApi", version: 1.7 },
  getRangeByIndexes: { set: "ExcelApi", version: 1.7 },
  dataValidation: { set: "ExcelApi", version: 1.8 },
  // print settings: set where Excel has them (`if (s.print && ws.pageLayout)`), skipped elsewhere
  pageLayout: { set: "ExcelApi", version: 1.9, guard: /if \(s\.print && ws\.pageLayout\)/ },
  headersFooters: { set: "ExcelApi", version: 1.9, guard: /if \(s\.print && ws\.pageLayout\)/ },
  horizontalPageBreaks: { set: "ExcelApi", version: 1.9, guard: /if \(s\.print && ws\.pageLayout\)/ },
  setPrintTitleRows: { set: "ExcelApi", version: 1.9, guard: /if \(s\.print && ws\.pageLayout\)/ },
  // the functions' messages
  "CustomFunctions.Error": { set: "CustomFunctionsRuntime", version: 1.2 },
};

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : /\.(ts|tsx)$/.test(f) ? [p] : [];
  });
}

describe("requirement sets", () => {
  const code = sources(join(root, "src")).map((f) => [f, readFileSync(f, "utf8")] as const);
  const manifest = readFileSync(join(root, "manifest.xml"), "utf8");
  const declared = new Map([...manifest.matchAll(/<Set Name="(\w+)" MinVersion="([\d.]+)"\/>/g)].map((m) => [m[1], Number(m[2])]));

  it("declares exactly the highest set the code uses unguarded, per set", () => {
    const needed = new Map<string, { version: number; by: string }>();
    for (const [member, need] of Object.entries(API)) {
      const pattern = member.includes(".") ? new RegExp(member.replace(".", "\\.")) : new RegExp(`\\.${member}\\b`);
      const users = code.filter(([, text]) => pattern.test(text));
      if (users.length === 0) continue;
      if (need.guard) {
        // every file that uses it does so behind the guard
        for (const [file, text] of users) expect(need.guard.test(text), `${member} unguarded in ${file}`).toBe(true);
        continue;
      }
      const was = needed.get(need.set);
      if (!was || need.version > was.version) needed.set(need.set, { version: need.version, by: member });
    }
    expect(needed.get("ExcelApi")).toEqual({ version: 1.8, by: "dataValidation" });
    for (const [set, { version, by }] of needed) expect(declared.get(set), `${set} (needed by ${by})`).toBe(version);
    // one runtime for the pane and the functions
    expect(manifest).toMatch(/<Runtime resid="[^"]+" lifetime="long"\/>/);
    expect(declared.get("SharedRuntime")).toBe(1.1);
    expect([...declared.keys()].sort()).toEqual(["CustomFunctionsRuntime", "ExcelApi", "SharedRuntime"]);
  });
});
