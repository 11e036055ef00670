// @vitest-environment jsdom
/**
 * Finance in a browser: the pane recalculates a workbook file it generated earlier — as
 * downloaded (no calculated values yet) and after LibreOffice calculated and saved it — and
 * refuses a file it cannot use, saying why.
 */
import { afterEach, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cleanup, render, screen } from "@testing-library/react";
import { userEvent } from "@testing-library/user-event";
import { App } from "../../src/taskpane/components/App.js";
import { standaloneHost } from "../../src/taskpane/host/standalone.js";
import { builtInScheme } from "../../src/schemes/index.js";
import { openXlsx } from "../../src/io/xlsx-read.js";
import { recalculate, soffice } from "../workbook/libreoffice.js";
import "./jsdom-fluent.js";

afterEach(cleanup);

const scheme = builtInScheme("warehouse")!;
const roster = [
  { id: "W1", name: "张三", values: { unrecorded_movements: 0, stock_errors: 0, safety_violations: 0, extra_points: 10 } },
  { id: "W2", name: "李四", values: { unrecorded_movements: 11, stock_errors: 0, safety_violations: 0, extra_points: 0 } },
];

async function downloaded() {
  let bytes: Uint8Array = new Uint8Array();
  const files: { bytes: Uint8Array; name: string }[] = [];
  const host = standaloneHost("en-US", (b, name) => {
    bytes = b;
    files.push({ bytes: b, name });
  });
  await host.generate({ scheme, people: roster, lang: "en-US", mode: "native", period: "2026-11", protect: true }, () => undefined);
  return { host, bytes, files };
}

describe("recalculating a saved workbook in the browser", () => {
  // the file carries the engine's values beside its formulas (issue 12): as downloaded it compares, and agrees
  it("as downloaded: recomputed against the generation baseline, and its payout sheet (the values written at generation) agrees", async () => {
    const { host, bytes, files } = await downloaded();
    const r = await host.recalculateFile!(bytes, "warehouse-2026-11.xlsx", "en-US");
    expect("failed" in r).toBe(false);
    if ("failed" in r) return;
    expect([r.people, r.calculated, r.baseline, r.changes, r.mismatches]).toEqual([2, true, true, [], []]);

    const user = userEvent.setup();
    render(<App host={host} />);
    await user.click(screen.getByTestId("view-finance"));
    // our own button, in the pane's language, and the file's name once chosen
    expect(screen.getByRole("button", { name: "Choose a workbook file…" })).toBeTruthy();
    expect(screen.getByText("No file chosen")).toBeTruthy();
    await user.upload(screen.getByLabelText("Open a generated workbook (.xlsx) to recalculate"), new File([bytes as Uint8Array<ArrayBuffer>], "warehouse-2026-11.xlsx"));
    const report = await screen.findByTestId("recalc-report");
    expect(screen.getByText("warehouse-2026-11.xlsx")).toBeTruthy();
    expect(screen.getByTestId("recalc-verdict").textContent).toBe("Result: the payout sheet agrees with the engine, exact to 0.01 yuan (fen).");
    expect(report.textContent).toContain("2 people recalculated; 0 pay line(s) changed");
    expect(report.textContent).toContain("No pay changed.");
    expect(report.textContent).not.toContain("The file was saved without calculated values");
    // the report to file: downloaded, named after the workbook, its conclusion on the third line
    await user.click(screen.getByTestId("export-report"));
    expect((await screen.findByTestId("report-exported")).textContent).toBe("Reconciliation report downloaded: Reconciliation-warehouse-2026-11.xlsx");
    const file = files.at(-1)!;
    expect(file.name).toBe("Reconciliation-warehouse-2026-11.xlsx");
    const book = openXlsx(file.bytes);
    expect(book.sheets).toEqual(["Reconciliation"]);
    expect(book.rows("Reconciliation")[2][0].value).toBe("Result: the payout sheet agrees with the engine, exact to 0.01 yuan (fen).");
  });

  it.skipIf(!soffice)("after LibreOffice calculated and saved it: the payout sheet agrees with the engine", async () => {
    const { host, bytes } = await downloaded();
    const dir = mkdtempSync(join(tmpdir(), "kpi-standalone-recalc-"));
    writeFileSync(join(dir, "w.xlsx"), bytes);
    const saved = readFileSync(recalculate(join(dir, "w.xlsx")));
    const r = await host.recalculateFile!(new Uint8Array(saved), "w.xlsx", "zh-CN");
    if ("failed" in r) throw new Error(r.problems.join("\n"));
    expect([r.calculated, r.mismatches, r.changes]).toEqual([true, [], []]);
  }, 120_000);

  it("a file it cannot use: says why and computes nothing", async () => {
    const { host } = await downloaded();
    const user = userEvent.setup();
    render(<App host={host} />);
    await user.click(screen.getByTestId("view-finance"));
    await user.upload(screen.getByTestId("recalculate-file"), new File(["id,name\n"], "roster.xlsx"));
    expect((await screen.findByRole("alert")).textContent).toBe("Nothing was recalculated:roster.xlsx: not an .xlsx workbook: save it as .xlsx (Excel workbook) or CSV");
  });
});
