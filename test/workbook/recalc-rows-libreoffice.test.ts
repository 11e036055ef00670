/**
 * Rows edited the way people edit them, through LibreOffice: the evaluation sheet's rows swapped
 * (pay follows the person, not the position), a person's row cleared (they left: said as such),
 * and a payout row added by hand for an id nobody evaluated (named, exit 3) — none of it taken
 * for agreement, none of it lost.
 */
import { describe, expect, it } from "vitest";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { openXlsx } from "../../src/io/xlsx-read.js";
import { recordFromXml } from "../../src/workbook/generation-record.js";
import { columnLetter } from "../../src/workbook/plan/a1.js";
import { cli, tempDir } from "../cli/cli-helpers.js";
import { recalculate, soffice } from "./libreoffice.js";

const DATA = "id,name,department,unrecorded_movements,stock_errors,safety_violations,extra_points\nW1,张三,一仓,0,0,0,10\nW2,李四,二仓,11,0,0,0\nW3,王五,二仓,2,1,0,0\n";

type Cell = string | number | null;

/** Writes cells of a saved workbook's sheet as typed values (text inline, numbers, or empty). */
function writeCells(files: Record<string, Uint8Array>, sheetIndex: number, cells: Record<string, Cell>) {
  const part = `xl/worksheets/sheet${sheetIndex + 1}.xml`;
  let xml = strFromU8(files[part]);
  for (const [ref, value] of Object.entries(cells)) {
    const row = Number(/\d+$/.exec(ref)![0]);
    const body = value === null ? "" : typeof value === "number" ? `<v>${value}</v>` : `<is><t>${value}</t></is>`;
    const type = typeof value === "string" ? ' t="inlineStr"' : "";
    const cell = new RegExp(`<c r="${ref}"([^>]*?)(?:/>|>[\\s\\S]*?</c>)`);
    if (cell.test(xml)) xml = xml.replace(cell, (_, attrs: string) => `<c r="${ref}"${attrs.replace(/\s*t="\w+"/, "")}${type}>${body}</c>`);
    else {
      // a row the sheet does not have yet goes before the first row after it
      const next = [...xml.matchAll(/<row r="(\d+)"/g)].find((m) => Number(m[1]) > row);
      const element = `<row r="${row}"><c r="${ref}"${type}>${body}</c></row>`;
      const existing = new RegExp(`<row r="${row}"[^>]*>`).exec(xml);
      if (existing) xml = xml.replace(new RegExp(`(<row r="${row}"[^>]*>[\\s\\S]*?)</row>`), `$1<c r="${ref}"${type}>${body}</c></row>`);
      else xml = next ? xml.replace(next[0], `${element}${next[0]}`) : xml.replace("</sheetData>", `${element}</sheetData>`);
    }
  }
  files[part] = strToU8(xml);
}

describe("rows edited by hand, recalculated by LibreOffice", () => {
  it.skipIf(!soffice)("swapped rows agree; a cleared row is a person who left; a payout row for an unknown id is named", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "d.csv"), DATA);
    expect((await cli(["workbook", "--scheme", "warehouse", "--data", "d.csv", "--out", "w.xlsx"], dir)).code).toBe(0);
    const file = openXlsx(readFileSync(join(dir, "w.xlsx")));
    const layout = recordFromXml(file.customXml[0])!.layout!;
    const ev = file.sheets.indexOf(layout.evaluation);
    const pay = file.sheets.indexOf(layout.payout);
    const first = layout.headerRow! + 1;
    const at = (keys: string[], key: string, row: number) => `${columnLetter(keys.indexOf(key))}${row}`;
    const rowOf = (id: string, name: string, dept: string, n: number, extra: number, row: number): Record<string, Cell> => ({
      [at(layout.evaluationKeys, "id", row)]: id,
      [at(layout.evaluationKeys, "name", row)]: name,
      [at(layout.evaluationKeys, "department", row)]: dept,
      [at(layout.evaluationKeys, "unrecorded_movements", row)]: n,
      [at(layout.evaluationKeys, "extra_points", row)]: extra,
    });

    const files = unzipSync(readFileSync(join(dir, "w.xlsx")));
    // W1 and W2 swap places; W3's row is cleared
    writeCells(files, ev, { ...rowOf("W2", "李四", "二仓", 11, 0, first), ...rowOf("W1", "张三", "一仓", 0, 10, first + 1) });
    writeCells(files, ev, Object.fromEntries(["id", "name", "department", "unrecorded_movements", "stock_errors", "safety_violations", "extra_points"].map((k) => [at(layout.evaluationKeys, k, first + 2), null])));
    // a payout row typed in by hand under the table, for an id nobody evaluated
    writeCells(files, pay, { [at(layout.payoutKeys, "id", first + 3)]: "W999", [at(layout.payoutKeys, "pay", first + 3)]: 5000 });
    writeFileSync(join(dir, "w.xlsx"), zipSync(files));
    const saved = recalculate(join(dir, "w.xlsx"));

    const r = await cli(["recalc", "--workbook", saved, "--report", "r.xlsx"], dir);
    expect(r.err).toBe("");
    expect(r.code).toBe(3);
    expect(r.out.split("\n")[0]).toBe("Result: does not agree — 1 payout row(s) do not match the evaluation sheet one to one.");
    expect(r.out).toContain(`  payout row ${first + 3}: id "W999" is not on the evaluation sheet — nobody was evaluated for this pay`);
    expect(r.out).toContain("2 people recalculated;");
    // W1 and W2 kept their pay though their rows moved; W3 is said to have left
    expect(r.out).not.toMatch(/ {2}W[12] /);
    expect(r.out).toMatch(/ {2}W3 王五, Performance bonus: \d+\.\d\d → —\n {4}Because: no longer on the evaluation sheet/);
    // the report adds up: W3's pay is the whole change
    const rows = openXlsx(readFileSync(join(dir, "r.xlsx"))).rows("Reconciliation").map((x) => x.map((c) => c.value));
    const sum = rows.find((x) => x[0] === "Sum of differences")!;
    const delta = rows.find((x) => x[0] === "Change in everyone's pay (now − last run)")!;
    expect(sum[6]).toBe(delta[6]);
    expect(sum[6]).toBeLessThan(0);
    expect(rows.find((x) => x[0] === "Check: sum of differences = change in everyone's pay")![6]).toBe("agrees");
  }, 180_000);
});
