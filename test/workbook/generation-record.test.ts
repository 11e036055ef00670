// @vitest-environment jsdom
/** The generation record: what a workbook remembers, in the pane's settings or as a custom XML part of the .xlsx. */
import { describe, expect, it } from "vitest";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import ExcelJS from "exceljs";
import { generationRecord, headerRowOf, RECORD_NAMESPACE, recordDraft, recordFromXml, recordXml } from "../../src/workbook/generation-record.js";
import { buildWorkbookPlan } from "../../src/workbook/plan/build-plan.js";
import { writeXlsx } from "../../src/workbook/xlsx/write-xlsx.js";
import { compileScheme } from "../../src/core/evaluate.js";
import { cli, tempDir } from "../cli/cli-helpers.js";
import { sampleData } from "../../src/core/sample.js";
import { parseRecords } from "../../src/core/data.js";
import { people, template } from "../helpers.js";

const scheme = template("warehouse");
const rows = [
  { unrecorded_movements: 0, stock_errors: 0, safety_violations: 0, extra_points: 10 },
  { unrecorded_movements: 11, stock_errors: 0, safety_violations: 0, extra_points: 0 },
];

describe("the generation record", () => {
  it("remembers the sheets, the setting cells and the engine's pay at generation", () => {
    const roster = people(scheme, rows);
    const plan = buildWorkbookPlan(scheme, roster, { lang: "en-US", mode: "native", period: "2026-11" });
    const record = generationRecord(scheme, roster, plan);
    expect(record.layout?.evaluation).toBe("Evaluation 2026-11");
    expect(record.layout?.payout).toBe("Payout 2026-11");
    expect(record.layout?.settings.map((c) => c.name)).toContain("p_gate");
    const engine = compileScheme(scheme).evaluateRoster(people(scheme, rows));
    expect(Object.fromEntries(Object.entries(record.snapshot!.people).map(([id, p]) => [id, p.lines.pay]))).toEqual(Object.fromEntries(engine.map((r) => [r.id, r.payTotal])));
    expect(record.snapshot!.settings.p_gate).toBe(80);
    // the roster given is not touched (the engine adds derived values to what it evaluates)
    expect(roster).toEqual(people(scheme, rows));
  });

  it("remembers where the tables' header is (row 2, under the legend line); an older record without it means row 1, a damaged one is named", () => {
    const roster = people(scheme, rows);
    const record = generationRecord(scheme, roster, buildWorkbookPlan(scheme, roster, { lang: "en-US", mode: "native" }));
    expect(record.layout!.headerRow).toBe(2);
    expect(headerRowOf(recordFromXml(recordXml(record))!.layout!)).toBe(2);
    const older = { ...record.layout! };
    delete older.headerRow;
    expect(headerRowOf(recordFromXml(recordXml({ ...record, layout: older }))!.layout!)).toBe(1);
    expect(recordFromXml(recordXml({ ...record, layout: { ...record.layout!, headerRow: "2" as never } }))!.damaged).toEqual(["layout"]);
  });

  it("has a baseline for a scheme with raters (inputs per rater, `execution@self` …)", () => {
    const cs = template("ecommerce-cs");
    const sample = sampleData(cs, { rows: 5, seed: 1 });
    const { people: roster } = parseRecords(sample.header, sample.rows.map((cells, i) => ({ line: i + 2, cells })), cs);
    const record = generationRecord(cs, roster, buildWorkbookPlan(cs, roster, { lang: "en-US", mode: "native" }));
    const engine = compileScheme(cs).evaluateRoster(structuredClone(roster));
    expect(record.snapshot && Object.values(record.snapshot.people).map((p) => p.lines.pay)).toEqual(engine.map((r) => r.payTotal));
    // stored column by column, read back whole
    expect(recordFromXml(recordXml(record))).toEqual(JSON.parse(JSON.stringify(record)));
    expect(recordXml(record)).toContain('"ids":["E00001"');
  });

  it("has no baseline while inputs are blank; a workbook of several periods keeps each period's sheets and keys its pay by period", () => {
    const blank = [{ id: "W1", name: "张三", values: { unrecorded_movements: null, stock_errors: 0, safety_violations: 0, extra_points: 0 } }];
    const r = generationRecord(scheme, blank, buildWorkbookPlan(scheme, blank, { lang: "zh-CN", mode: "native" }));
    expect(r.layout).not.toBeNull();
    expect(r.snapshot).toBeNull();
    const months = ["2026-01", "2026-02"].map((period, i) => ({ ...people(scheme, [rows[0]])[0], id: `W${i}`, period }));
    const plan = buildWorkbookPlan(scheme, months, { lang: "zh-CN", mode: "native" });
    const multi = generationRecord(scheme, months, plan);
    expect(multi.layout!.periods!.map((p) => [p.period, p.evaluation, p.payout])).toEqual([
      ["2026-01", "考核 2026-01", "发放 2026-01"],
      ["2026-02", "考核 2026-02", "发放 2026-02"],
    ]);
    expect(multi.layout!.rollup!.sheet).toBe(plan.sheets.at(-1)!.name);
    expect(Object.keys(multi.snapshot!.people)).toEqual(["2026-01 W0", "2026-02 W1"]);
    // and back from its XML as written
    expect(recordFromXml(recordXml(multi))!.layout).toEqual(multi.layout);
  });

  it("written from the engine's results (the generation's path) is byte for byte the record written from its snapshot", () => {
    const cs = template("ecommerce-cs");
    const sample = sampleData(cs, { rows: 40, seed: 3, periods: 2 });
    const { people: roster } = parseRecords(sample.header, sample.rows.map((cells, i) => ({ line: i + 2, cells })), cs);
    const withDepartments = roster.map((p, i) => (i % 3 ? { ...p, department: `部门${i % 5}`, ...(i % 2 ? { position: "客服" } : {}) } : p));
    for (const r of [roster, withDepartments]) {
      const plan = buildWorkbookPlan(cs, r, { lang: "zh-CN", mode: "native" });
      const draft = recordDraft(cs, r, plan);
      expect(draft.snapshot?.results.length).toBe(r.length);
      const xml = recordXml(draft);
      expect(xml).toBe(recordXml(generationRecord(cs, r, plan)));
      const back = recordFromXml(xml)!;
      expect(Object.keys(back.snapshot!.people)).toHaveLength(r.length);
    }
    expect(recordXml(recordDraft(cs, withDepartments, buildWorkbookPlan(cs, withDepartments, { lang: "zh-CN", mode: "native" })))).toContain('"departments":[null,"部门1"');
  });

  it("survives XML: names with < & > \" and Chinese, a ]]> inside, a namespace prefix", () => {
    const odd = { ...scheme, name: { "zh-CN": "仓库 <奖金> & \"绩效\" ]]>", "en-US": "a < b & c > d" } };
    const roster = people(odd, rows);
    const record = generationRecord(odd, roster, buildWorkbookPlan(odd, roster, { lang: "zh-CN", mode: "native" }));
    const xml = recordXml(record);
    const doc = new DOMParser().parseFromString(xml, "application/xml");
    expect(doc.getElementsByTagName("parsererror").length).toBe(0);
    expect(doc.documentElement.namespaceURI).toBe(RECORD_NAMESPACE);
    expect(recordFromXml(xml)).toEqual(JSON.parse(JSON.stringify(record)));
    const prefixed = xml.replace("<generation xmlns=", "<ns0:generation xmlns:ns0=").replace("</generation>", "</ns0:generation>");
    expect(recordFromXml(prefixed)?.scheme.name["zh-CN"]).toBe("仓库 <奖金> & \"绩效\" ]]>");
    expect(recordFromXml('<other xmlns="urn:x">{}</other>')).toBeNull();
    expect(recordFromXml(`<generation xmlns="${RECORD_NAMESPACE}">not json</generation>`)).toBeNull();
  });

  it("rides in the .xlsx as a custom XML part the package names properly", async () => {
    const roster = people(scheme, rows);
    const plan = buildWorkbookPlan(scheme, roster, { lang: "en-US", mode: "native" });
    const bytes = await writeXlsx(plan, { customXml: [recordXml(generationRecord(scheme, roster, plan))] });
    const files = unzipSync(bytes);
    const text = (p: string) => strFromU8(files[p]);
    expect(recordFromXml(text("customXml/item1.xml"))?.scheme.id).toBe("warehouse");
    expect(text("xl/_rels/workbook.xml.rels")).toContain('Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml" Target="../customXml/item1.xml"');
    expect(text("customXml/_rels/item1.xml.rels")).toContain('Target="itemProps1.xml"');
    expect(text("[Content_Types].xml")).toContain('<Override PartName="/customXml/itemProps1.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/>');
    const props = new DOMParser().parseFromString(text("customXml/itemProps1.xml"), "application/xml");
    expect(props.getElementsByTagName("parsererror").length).toBe(0);
    // another reader still opens the workbook as before
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(plan.sheets.map((s) => s.name));
  });

  it("is written by `kpi-scorecard workbook`", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "d.csv"), "id,name,unrecorded_movements,stock_errors,safety_violations,extra_points\nW1,张三,0,0,0,10\n");
    expect((await cli(["workbook", "--scheme", "warehouse", "--data", "d.csv", "--out", "w.xlsx"], dir)).code).toBe(0);
    const { readFileSync } = await import("node:fs");
    const record = recordFromXml(strFromU8(unzipSync(readFileSync(join(dir, "w.xlsx")))["customXml/item1.xml"]));
    expect(record?.scheme.id).toBe("warehouse");
    expect(record?.snapshot?.people.W1.lines.pay).toBe(33000);
  });

  it("a row the engine cannot score (a division by zero) is named, not a crash (recalc read-back)", async () => {
    const { openXlsx } = await import("../../src/io/xlsx-read.js");
    const { recalcWorkbookFile } = await import("../../src/workbook/recalc-file.js");
    const { parseScheme } = await import("../../src/core/scheme/load.js");
    // hospital-cs divides arrivals by their target; without the target's lower bound, 0 can reach the engine
    const base = template("hospital-cs");
    const parsed = parseScheme({ ...base, inputs: base.inputs.map((i) => (i.id === "arrival_target" ? { ...i, min: undefined } : i)) });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const hs = parsed.scheme;
    const sample = sampleData(hs, { rows: 3, seed: 2 });
    const { people: roster } = parseRecords(sample.header, sample.rows.map((cells, i) => ({ line: i + 2, cells })), hs);
    const plan = buildWorkbookPlan(hs, roster, { lang: "en-US", mode: "native" });
    const record = generationRecord(hs, roster, plan);
    const files = unzipSync(await writeXlsx(plan, { customXml: [recordXml(record)] }));
    const part = `xl/worksheets/sheet${plan.sheets.findIndex((x) => x.name === record.layout!.evaluation) + 1}.xml`;
    const cell = `${String.fromCharCode(65 + record.layout!.evaluationKeys.indexOf("arrival_target"))}${record.layout!.headerRow! + 1}`;
    const xml = strFromU8(files[part]);
    const re = new RegExp(`<c r="${cell}"([^>]*)>(?:<v>[^<]*</v>)?</c>|<c r="${cell}"([^>]*)/>`);
    expect(re.test(xml)).toBe(true);
    files[part] = strToU8(xml.replace(re, (_, a1?: string, a2?: string) => `<c r="${cell}"${a1 ?? a2 ?? ""}><v>0</v></c>`));
    const r = recalcWorkbookFile(openXlsx(zipSync(files)), "hs.xlsx", "en-US");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toBe("data");
    expect(r.problems.join("\n")).toMatch(/^Evaluation, row 3 \(id \w+\): .*; nothing was recalculated$/);
  });
});
