/**
 * A workbook of several periods (a sheet pair per month and a roll-up sheet) recalculated like one
 * of one period: every month's inputs read back and evaluated together (streaks and roll-ups run
 * across them), each month's payout sheet compared to the cent, the roll-up sheet's totals and
 * grades compared with the engine's; a person's pay in each month is its own record ("2026-02 E1").
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { openXlsx } from "../../src/io/xlsx-read.js";
import { recordFromXml } from "../../src/workbook/generation-record.js";
import { columnLetter } from "../../src/workbook/plan/a1.js";
import { cli, tempDir } from "../cli/cli-helpers.js";
import { recalculate, soffice } from "./libreoffice.js";
import { typeNumbers } from "./type-cells.js";

describe("recalculating a workbook of several periods", () => {
  it.skipIf(!soffice)("each month and the roll-up: a corrected input in month 2 is found and attributed; a typed-over payout and a typed-over roll-up total are named by cell", async () => {
    const dir = tempDir();
    expect((await cli(["sample", "--scheme", "ecommerce-cs", "--rows", "4", "--periods", "3", "--seed", "7", "--out", "s.csv"], dir)).code).toBe(0);
    expect((await cli(["workbook", "--scheme", "ecommerce-cs", "--data", "s.csv", "--out", "m.xlsx"], dir)).code).toBe(0);
    const file = openXlsx(readFileSync(join(dir, "m.xlsx")));
    const layout = recordFromXml(file.customXml[0])!.layout!;
    expect(layout.periods!.map((p) => p.period)).toEqual(["2026-01", "2026-02", "2026-03"]);
    const index = (name: string) => file.sheets.indexOf(name);
    const header = layout.headerRow!;
    // month 2: the first person's target completion corrected down to 0.5
    const feb = layout.periods![1];
    const target = `${columnLetter(feb.evaluationKeys.indexOf("target_completion"))}${header + 1}`;
    typeNumbers(join(dir, "m.xlsx"), index(feb.evaluation), { [target]: 0.5 });
    const saved = recalculate(join(dir, "m.xlsx"));

    const r = await cli(["recalc", "--workbook", saved], dir);
    expect(r.err).toBe("");
    expect(r.out.split("\n")[0]).toBe("Result: the payout sheet agrees with the engine, exact to 0.01 yuan (fen).");
    expect(r.code).toBe(0);
    expect(r.out).toContain("12 people recalculated;");
    expect(r.out).toContain("3 periods (2026-01, 2026-02, 2026-03)");
    const first = file.rows(feb.evaluation)[header][0].value as string;
    // the change is month 2's, the person's own input its cause
    expect(r.out).toMatch(new RegExp(`  2026-02 ${first} [^\\n]*: [\\d.]+ → [\\d.]+\\n    Because: [^\\n]*0\\.5`));
    expect(r.out).not.toMatch(/ {2}2026-0[13] /);

    // month 3's first payout typed over, and the first roll-up total
    const mar = layout.periods![2];
    const payRef = `${columnLetter(mar.payoutKeys.indexOf("pay"))}${header + 1}`;
    typeNumbers(saved, index(mar.payout), { [payRef]: 99999 });
    const rollup = layout.rollup!;
    const totalKey = rollup.keys.find((k) => k.startsWith("r:"))!;
    const rollRef = `${columnLetter(rollup.keys.indexOf(totalKey))}${(rollup.headerRow ?? 1) + 1}`;
    typeNumbers(saved, index(rollup.sheet), { [rollRef]: 1.5 });
    const tampered = await cli(["recalc", "--workbook", saved], dir);
    expect(tampered.code).toBe(3);
    expect(tampered.out.split("\n")[0]).toBe("Result: does not agree — 1 payout cell(s) typed over with a number; 1 roll-up total(s) or grade(s) differ from the engine.");
    expect(tampered.out).toContain(`${mar.payout}!${payRef} (2026-03 ${first} `);
    expect(tampered.out).toContain(`${rollup.sheet}!${rollRef} (${first} `);
    expect(tampered.out).toContain(`${totalKey.slice(2)} roll-up total): the roll-up sheet shows 1.5, the engine computes`);
  }, 180_000);
});
