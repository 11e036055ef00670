// @vitest-environment jsdom
/**
 * The pane's formula helper (issue 17, item 6): a KPI.* formula built from the scheme's columns,
 * settings, typed values and option words — its text copied in a browser; inside Excel previewed
 * for the selected row (through the functions' own pipeline) and inserted relative to each cell.
 */
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, render, screen, within } from "@testing-library/react";
import { userEvent } from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { FormulaHelper, type FormulaHelperProps } from "../../src/taskpane/components/FormulaHelper.js";
import { LangContext } from "../../src/taskpane/components/i18n.js";
import { App } from "../../src/taskpane/components/App.js";
import { standaloneHost } from "../../src/taskpane/host/standalone.js";
import { buildFormula, helperSources, previewRefs, previewResult } from "../../src/taskpane/state/formula-helper.js";
import { builtInScheme } from "../../src/schemes/index.js";
import type { Lang } from "../../src/core/text.js";
import "./jsdom-fluent.js";

afterEach(cleanup);

const scheme = builtInScheme("ecommerce-cs")!;

function renderHelper(props: FormulaHelperProps, lang: Lang = "zh-CN") {
  return render(
    <FluentProvider theme={webLightTheme}>
      <LangContext.Provider value={lang}>
        <FormulaHelper {...props} />
      </LangContext.Provider>
    </FluentProvider>,
  );
}
const formula = () => (screen.getByTestId("helper-formula") as HTMLTextAreaElement).value;

describe("formula text", () => {
  it("columns are read in the formula's row; R1C1 is relative to the cell it goes into", () => {
    const src = helperSources(scheme, "zh-CN");
    const completion = src.columns.find((c) => c.label === "指标完成率")!;
    expect(completion.col).toBe(2);
    const args = { actual: { kind: "column" as const, col: 2, label: "" }, target: { kind: "name" as const, name: "p_r_target_completion_target", label: "" }, points: { kind: "text" as const, text: "30" } };
    const built = buildFormula("SCORE", args, "zh-CN", src.firstRow);
    expect(built.a1).toBe(`=KPI.SCORE(C${src.firstRow}, p_r_target_completion_target, 30)`);
    expect(built.r1c1({ row: 9, col: 5 })).toBe("=KPI.SCORE(RC[-3], p_r_target_completion_target, 30)");
    expect(built.r1c1({ row: 9, col: 2 })).toBe("=KPI.SCORE(RC, p_r_target_completion_target, 30)");
    expect(built.missing).toEqual([]);
    // the settings carry HR's words and the defined name
    expect(src.settings.find((s) => s.name === "p_r_target_completion_target")!.label).toContain("指标完成率");
    expect(src.settings.map((s) => s.name)).toContain("g_table");
  });

  it("text is quoted, numbers, references and arrays are not; a blank optional argument before a given one stays empty", () => {
    const built = buildFormula("GRADE", { score: { kind: "text", text: "85" }, bands: { kind: "text", text: '优秀:90,良好:80' } }, "zh-CN", 3);
    expect(built.a1).toBe('=KPI.GRADE(85, "优秀:90,良好:80")');
    const deduct = buildFormula(
      "DEDUCT",
      { value: { kind: "text", text: "B3" }, limit: { kind: "text", text: "0.02" }, step: { kind: "text", text: "0.01" }, points_per_step: { kind: "text", text: "3" }, full: { kind: "text", text: "15" }, partial: { kind: "option", set: "partial", value: "whole" } },
      "en-US",
      3,
    );
    expect(deduct.a1).toBe('=KPI.DEDUCT(B3, 0.02, 0.01, 3, 15, , "part step counts whole")');
    expect(buildFormula("SCORE", {}, "zh-CN", 3).missing).toEqual(["实际值", "目标值", "分值"]);
  });

  it("the preview runs the functions on the values read for the row, and says an error in the user's language", () => {
    const args = { actual: { kind: "column" as const, col: 2, label: "" }, target: { kind: "text" as const, text: "0.45" }, points: { kind: "text" as const, text: "30" } };
    expect(previewRefs(args, 7)).toEqual(["C7"]);
    expect(previewResult("SCORE", args, 7, new Map([["C7", 0.36]]), "zh-CN")).toEqual({ value: "24", error: false });
    expect(previewResult("SCORE", args, 7, new Map([["C7", "abc"]]), "zh-CN")).toEqual({ value: "#VALUE! “实际值”:“abc”不是数字", error: true });
  });
});

describe("typed references and typed words", () => {
  // the formula and its preview read a typed value alike: a name typed is read from the workbook,
  // a word typed is text (unquoted it would be a name Excel does not know: #NAME?)
  it("a typed defined name is a reference in the formula and in the preview; a typed word is quoted text", () => {
    const args = { actual: { kind: "text" as const, text: "0.9" }, target: { kind: "text" as const, text: "p_conversion_target" }, points: { kind: "text" as const, text: "30" } };
    expect(buildFormula("SCORE", args, "zh-CN", 3).a1).toBe("=KPI.SCORE(0.9, p_conversion_target, 30)");
    expect(previewRefs(args, 3)).toEqual(["p_conversion_target"]);
    expect(previewResult("SCORE", args, 3, new Map([["p_conversion_target", 1]]), "zh-CN")).toEqual({ value: "27", error: false });
    const level = { choice: { kind: "text" as const, text: "A" }, table: { kind: "text" as const, text: "A:3,B:1" } };
    expect(buildFormula("LEVEL", level, "en-US", 3).a1).toBe('=KPI.LEVEL("A", "A:3,B:1")');
    expect(previewRefs(level, 3)).toEqual([]);
    expect(previewResult("LEVEL", level, 3, new Map(), "en-US")).toEqual({ value: "3", error: false });
    // a cell on another sheet is a reference too; TRUE stays a logical value
    const other = { number: { kind: "text" as const, text: "考核!C3" } };
    expect(buildFormula("ROUND", other, "zh-CN", 3).a1).toBe("=KPI.ROUND(考核!C3)");
    expect(previewRefs(other, 3)).toEqual(["考核!C3"]);
    expect(buildFormula("ROUND", { number: { kind: "text", text: "TRUE" } }, "zh-CN", 3).a1).toBe("=KPI.ROUND(TRUE)");
  });
});

describe("the helper in the pane", () => {
  it("in a browser: builds the formula from typed values and a pick-list word, and copies it", async () => {
    const user = userEvent.setup();
    const copied: string[] = [];
    Object.defineProperty(navigator, "clipboard", { value: { writeText: async (s: string) => void copied.push(s) }, configurable: true });
    render(<App host={standaloneHost("zh-CN", () => undefined)} />);
    await user.click(screen.getByTestId("view-helper"));
    const helper = screen.getByTestId("formula-helper");
    // the arguments by their Chinese names, as Excel's tooltip shows them
    expect(within(helper).getByText("实际值")).toBeTruthy();
    expect(screen.getByTestId("helper-missing").textContent).toBe("还需填写:实际值、目标值、分值");
    await user.type(screen.getByTestId("helper-value-actual"), "0.36");
    await user.type(screen.getByTestId("helper-value-target"), "0.45");
    await user.type(screen.getByTestId("helper-value-points"), "30");
    await user.selectOptions(screen.getByTestId("helper-source-direction"), "越低越好");
    expect(formula()).toBe('=KPI.SCORE(0.36, 0.45, 30, "越低越好")');
    expect(screen.queryByTestId("helper-missing")).toBeNull();
    // no Excel here: nothing to preview or insert into
    expect(screen.queryByTestId("helper-insert")).toBeNull();
    await user.click(screen.getByTestId("helper-copy"));
    expect(copied).toEqual(['=KPI.SCORE(0.36, 0.45, 30, "越低越好")']);
    expect(screen.getByTestId("helper-status").textContent).toContain("公式已复制");
  });

  it("inside Excel: previews the selected row and writes R1C1 relative to the first cell", async () => {
    const user = userEvent.setup();
    const written: { formula: string; where: string }[] = [];
    const read: string[][] = [];
    renderHelper({
      scheme,
      selectedCell: async () => ({ row: 7, col: 20, address: "考核!U7" }),
      readRefs: async (refs) => (read.push(refs), new Map<string, number>([["C7", 0.9], ["p_r_target_completion_target", 1]])),
      insertFormula: async (r1c1, where) => (written.push({ formula: r1c1({ row: 7, col: 20 }), where }), "考核!U7:U60"),
    });
    await user.selectOptions(screen.getByTestId("helper-source-actual"), "指标完成率");
    await user.selectOptions(screen.getByTestId("helper-source-target"), "name:p_r_target_completion_target");
    await user.type(screen.getByTestId("helper-value-points"), "30");
    expect(formula()).toBe("=KPI.SCORE(C3, p_r_target_completion_target, 30)");
    await user.click(screen.getByTestId("helper-preview"));
    expect(read).toEqual([["C7", "p_r_target_completion_target"]]);
    expect(screen.getByTestId("helper-status").textContent).toBe("考核!U7 所在行的结果:27");
    await user.click(screen.getByTestId("helper-fill"));
    expect(written).toEqual([{ formula: "=KPI.SCORE(RC[-18], p_r_target_completion_target, 30)", where: "column" }]);
    expect(screen.getByTestId("helper-status").textContent).toBe("已写入 考核!U7:U60;每个单元格按所在行计算。");
  });

  it("says in English what went wrong writing", async () => {
    const user = userEvent.setup();
    renderHelper({ scheme: null, selectedCell: async () => ({ row: 2, col: 1, address: "B2" }), readRefs: async () => new Map(), insertFormula: async () => Promise.reject(new Error("Sheet 考核 is protected")) }, "en-US");
    await user.selectOptions(screen.getByTestId("helper-function"), "KPI.ROUND");
    await user.type(screen.getByTestId("helper-value-number"), "1.005");
    expect(formula()).toBe("=KPI.ROUND(1.005)");
    await user.click(screen.getByTestId("helper-preview"));
    expect(screen.getByTestId("helper-status").textContent).toBe("Result for the row of B2: 1.01");
    await user.click(screen.getByTestId("helper-insert"));
    expect(screen.getByTestId("helper-status").textContent).toContain("protected");
  });
});
