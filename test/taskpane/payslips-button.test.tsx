// @vitest-environment jsdom
/** The pane's payslips button (issue 12, item 7): in a browser, the payslips alone as a file. */
import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, render, screen } from "@testing-library/react";
import { userEvent } from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { standaloneHost } from "../../src/taskpane/host/standalone.js";
import { ReviewStep } from "../../src/taskpane/components/ReviewStep.js";
import { LangContext } from "../../src/taskpane/components/i18n.js";
import { initialState, wizardReducer } from "../../src/taskpane/state/wizard.js";
import { builtInScheme } from "../../src/schemes/index.js";
import { openXlsx } from "../../src/io/xlsx-read.js";
import "./jsdom-fluent.js";

afterEach(cleanup);

const scheme = builtInScheme("warehouse")!;
const roster = [
  { id: "W1", name: "张三", period: null, values: { unrecorded_movements: 0, stock_errors: 0, safety_violations: 0, extra_points: 10 } },
  { id: "W2", name: "李四", period: null, values: { unrecorded_movements: 11, stock_errors: 0, safety_violations: 0, extra_points: 0 } },
];
const request = { scheme, people: roster, lang: "zh-CN" as const, mode: "native" as const, period: "2026-11", protect: true };

describe("payslips in the browser", () => {
  it("downloads the payslips alone: one sheet, a slip per person", async () => {
    let bytes: Uint8Array = new Uint8Array();
    const host = standaloneHost("zh-CN", (b) => (bytes = b));
    const r = await host.payslips!(request);
    // named in the workbook's language, as a person looks for it in the downloads folder
    expect(r).toEqual({ fileName: `${scheme.name["zh-CN"]}-2026-11-工资条.xlsx` });
    expect(scheme.name["zh-CN"]).toMatch(/[\u4e00-\u9fff]/);
    const file = openXlsx(bytes);
    expect(file.sheets).toEqual(["工资条 2026-11"]);
    const ids = file.rows(file.sheets[0]).map((row) => row[0]?.value);
    expect(ids.filter((v) => v === "W1" || v === "W2")).toEqual(["W1", "W2"]);
  });

  it("says why there are none while the roster's inputs are blank", async () => {
    const host = standaloneHost("zh-CN", () => undefined);
    const r = await host.payslips!({ ...request, people: [{ id: "W1", name: "张三", period: null, values: {} }] });
    expect(r).toEqual({ failed: "暂不能生成工资条:花名册的输入项尚未填全。" });
  });

  it("the review step offers the button and shows what came of it", async () => {
    const state = wizardReducer(initialState("zh-CN", "2026-11"), { type: "template", id: "warehouse" });
    const onPayslips = vi.fn();
    render(
      <FluentProvider theme={webLightTheme}>
        <LangContext.Provider value="zh-CN">
          <ReviewStep state={state} people={2} standalone blockers={[]} onGenerate={() => undefined} onExport={() => undefined} onPayslips={onPayslips} payslipsMessage="x.xlsx 已生成" />
        </LangContext.Provider>
      </FluentProvider>,
    );
    await userEvent.setup().click(screen.getByTestId("payslips"));
    expect(onPayslips).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId("payslips-message").textContent).toBe("x.xlsx 已生成");
  });
});
