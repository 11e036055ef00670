/**
 * The files written from the functions' specs (./specs), their documentation (./reference.ts),
 * the option table (src/core/option-words.ts) and the catalogs' argument names:
 * - functions.ts: the Excel adapter whose JSDoc the metadata plugin turns into functions.json,
 *   with a @customenum per option set (the pick-lists);
 * - functions-zh-cn.json: the same metadata in Chinese — argument names, descriptions, enums;
 * - README's function table, in both languages.
 * `npm run docs:functions` writes them; test/functions/docs-out.test.ts fails when one is stale.
 */
import { OPTION_SETS, type OptionSet, type OptionWord } from "../core/option-words.js";
import type { Lang } from "../core/text.js";
import { argName } from "./messages.js";
import { FUNCTION_DOCS, helpPath, type FunctionDoc } from "./reference.js";
import type { FunctionSpec, ParamSpec } from "./run.js";
import { FORMER_NAMES, FUNCTION_SPECS } from "./specs/index.js";

/** The base URL of the dev server; a deployment's build rewrites it (webpack.config.js). */
export const DEV_BASE = "https://localhost:3000";

/** The enum each option set becomes in the metadata (the id Excel knows it by). */
export const ENUM_IDS: Record<OptionSet, string> = {
  direction: "Direction",
  threshold: "Threshold",
  side: "Side",
  partial: "Partial",
  bonusMethod: "BonusMethod",
  tieredMode: "TieredMode",
};

const words = (set: OptionSet) => OPTION_SETS[set] as readonly OptionWord[];
/** A TypeScript enum member for an option value ("at-least" → at_least). */
const member = (value: string) => value.replace(/[^A-Za-z0-9]/g, "_");

interface Pair {
  spec: FunctionSpec;
  doc: FunctionDoc;
}
function pairs(): Pair[] {
  return FUNCTION_SPECS.map((spec) => {
    const doc = FUNCTION_DOCS.find((d) => d.id === spec.id);
    if (!doc) throw new Error(`KPI.${spec.id} has no documentation in reference.ts`);
    for (const p of spec.params) if (!doc.params[p.name]) throw new Error(`KPI.${spec.id}(${p.name}) has no description in reference.ts`);
    return { spec, doc };
  });
}

const isMatrix = (p: ParamSpec) => !p.single;
const enumOf = (doc: FunctionDoc, p: ParamSpec) => doc.options?.[p.name];

// ---- functions.ts ----------------------------------------------------------------------------

const HEADER = `/*
 * The KPI.* custom functions — WRITTEN BY \`npm run docs:functions\` from ./reference.ts (what each
 * function and argument says), ./specs (the parameters) and src/core/option-words.ts (the
 * pick-lists); edit those, not this file. Each function is a thin wrapper whose JSDoc is the
 * metadata source: custom-functions-metadata-plugin turns it into functions.json and appends the
 * CustomFunctions.associate calls. The work is done by the spec of the same id, through one
 * pipeline (./run.ts) over src/core. Chinese metadata: functions-zh-cn.json, written alike.
 */
import { FUNCTION_SPECS } from "./specs/index.js";
import { runFunction } from "./run.js";
import { toExcel, type MakeError } from "./to-excel.js";
import type { Cell, Matrix } from "./coerce.js";
import { pickLang } from "../i18n/index.js";
import type { ExcelErrorCode } from "./errors.js";

/* eslint-disable @typescript-eslint/no-explicit-any -- the metadata generator reads these
   TypeScript types and accepts only any / any[][] for values that may be numbers, text,
   booleans, blanks or errors; the pipeline coerces them. */

// Outside Office (the standalone page) there is no CustomFunctions; the associate calls the
// metadata plugin appends to this file must not break the page.
const host = globalThis as { CustomFunctions?: { associate?: unknown } };
if (typeof host.CustomFunctions === "undefined") host.CustomFunctions = { associate: () => undefined };

// CustomFunctions.ErrorCode's values are the error texts themselves ("#VALUE!", "#N/A" …).
const makeError: MakeError = (code: ExcelErrorCode, message) => new CustomFunctions.Error(code as CustomFunctions.ErrorCode, message);

function lang() {
  const office = (globalThis as { Office?: { context?: { displayLanguage?: string } } }).Office;
  return pickLang(office?.context?.displayLanguage ?? globalThis.navigator?.language);
}

const byId = new Map(FUNCTION_SPECS.map((s) => [s.id, s]));
function call(id: string, args: unknown[]): any[][] {
  return toExcel(runFunction(byId.get(id)!, args as (Cell | Matrix)[]), lang(), makeError, id);
}
`;

const oneLine = (s: string) => s.replace(/\s+/g, " ").trim();

function enumSource(set: OptionSet): string {
  const en = words(set);
  const members = en.map((w) => `  /** ${oneLine(`${w.label["en-US"]}: ${w.tip["en-US"]}`)} */\n  ${member(w.value)} = ${JSON.stringify(w.value)},`).join("\n");
  // exported so that TypeScript sees them used; the metadata plugin reads the declaration
  return `/**\n * Pick-list: ${en.map((w) => w.label["en-US"]).join(" / ")}.\n * @customenum {string}\n */\nexport enum ${ENUM_IDS[set]} {\n${members}\n}\n`;
}

function wrapperSource({ spec, doc }: Pair): string {
  const lines = [`/**`, ` * ${oneLine(doc.summary["en-US"])}`, ` * @customfunction ${spec.id}`, ` * @helpurl ${DEV_BASE}/${helpPath(spec.id, "en-US")}`];
  if (FORMER_NAMES[spec.id]) lines.push(` * @excludeFromAutoComplete`);
  const args: string[] = [];
  for (const p of spec.params) {
    const set = enumOf(doc, p);
    const type = set ? ENUM_IDS[set] : isMatrix(p) ? "any[][]" : "any";
    const name = p.optional ? `[${p.name}]` : p.name;
    lines.push(` * @param ${set ? "" : `{${type}} `}${name} ${oneLine(doc.params[p.name]["en-US"])}`);
    args.push(`${p.name}${p.optional ? "?" : ""}: ${type}`);
  }
  lines.push(` * @returns {any[][]} ${oneLine(doc.returns["en-US"])}`, ` */`);
  const names = spec.params.map((p) => p.name).join(", ");
  return `${lines.join("\n")}\nexport function ${spec.id.toLowerCase()}(${args.join(", ")}): any[][] {\n  return call(${JSON.stringify(spec.id)}, [${names}]);\n}\n`;
}

/** The whole of src/functions/functions.ts. */
export function functionsSource(): string {
  const sets = (Object.keys(ENUM_IDS) as OptionSet[]).filter((s) => FUNCTION_DOCS.some((d) => Object.values(d.options ?? {}).includes(s)));
  return [HEADER, ...sets.map(enumSource), ...pairs().map(wrapperSource)].join("\n");
}

// ---- functions-zh-cn.json ----------------------------------------------------------------------

export interface MetadataParam {
  name: string;
  description: string;
  type: string;
  dimensionality?: string;
  optional?: boolean;
  customEnumId?: string;
}
export interface MetadataFunction {
  id: string;
  name: string;
  description: string;
  helpUrl?: string;
  parameters: MetadataParam[];
  result: { dimensionality?: string; type?: string };
  options?: { excludeFromAutoComplete?: boolean };
}
export interface MetadataEnum {
  id: string;
  type: string;
  values: { name: string; stringValue?: string; tooltip: string }[];
}
export interface Metadata {
  allowCustomDataForDataTypeAny?: boolean;
  functions: MetadataFunction[];
  enums?: MetadataEnum[];
}

/** The Chinese metadata: Chinese argument names and texts, the pick-lists in Chinese. */
export function zhMetadata(): Metadata {
  const lang: Lang = "zh-CN";
  const functions = pairs().map(({ spec, doc }): MetadataFunction => ({
    description: doc.summary[lang],
    helpUrl: `${DEV_BASE}/${helpPath(spec.id, lang)}`,
    id: spec.id,
    name: spec.id,
    ...(FORMER_NAMES[spec.id] ? { options: { excludeFromAutoComplete: true } } : {}),
    parameters: spec.params.map((p) => {
      const set = enumOf(doc, p);
      return {
        description: doc.params[p.name][lang],
        ...(isMatrix(p) ? { dimensionality: "matrix" } : {}),
        name: argName(spec.id, p.name, lang),
        ...(p.optional ? { optional: true } : {}),
        type: set ? "string" : "any",
        ...(set ? { customEnumId: ENUM_IDS[set] } : {}),
      };
    }),
    result: { dimensionality: "matrix" },
  }));
  const used = [...new Set(FUNCTION_DOCS.flatMap((d) => Object.values(d.options ?? {})))];
  const enums = (Object.keys(ENUM_IDS) as OptionSet[])
    .filter((s) => used.includes(s))
    .map((set) => ({
      id: ENUM_IDS[set],
      type: "string",
      // the Chinese label is what the formula gets: the functions accept it like the English word
      values: words(set).map((w) => ({ name: w.label[lang], stringValue: w.label[lang], tooltip: w.tip[lang] })),
    }));
  return { allowCustomDataForDataTypeAny: true, functions, enums };
}

// ---- README ------------------------------------------------------------------------------------

const code = (s: string) => "`" + s + "`";
function signature(spec: FunctionSpec, lang: Lang): string {
  return `KPI.${spec.id}(${spec.params.map((p) => (p.optional ? `[${argName(spec.id, p.name, lang)}]` : argName(spec.id, p.name, lang))).join(", ")})`;
}

/** The README's function table and option words, between its markers. */
export function readmeFunctionTable(): string {
  const rows = pairs().map(({ spec, doc }) => {
    const ex = doc.examples[0];
    const column = spec.params.filter((p) => p.kind !== "fixed").map((p) => p.name);
    const former = FORMER_NAMES[spec.id];
    const what = (lang: Lang) => oneLine(doc.summary[lang]).replace(/\|/g, "\\|");
    return `| ${code(signature(spec, "en-US"))}<br>${code(signature(spec, "zh-CN"))} | ${former ? `former name of KPI.${former} · KPI.${former} 的旧名` : `${what("en-US")}<br>${what("zh-CN")}`} | ${column.join(", ") || "—"} | ${code(`=KPI.${spec.id}(${ex.args})`)} | ${ex.result} |`;
  });
  const optionRows = (Object.keys(ENUM_IDS) as OptionSet[]).flatMap((set) => {
    const users = pairs().flatMap(({ spec, doc }) =>
      Object.entries(doc.options ?? {})
        .filter(([, s]) => s === set)
        .map(([p]) => `${spec.id}(${p})`),
    );
    const wanted = users.filter((u) => !FORMER_NAMES[u.split("(")[0]]);
    return words(set).map((w, i) => `| ${i === 0 ? wanted.join(", ") : ""} | ${code(`"${w.value}"`)} | ${w.label["zh-CN"]} | ${w.label["en-US"]} | ${w.aliases.map((a) => code(a)).join(" ")} |`);
  });
  return [
    "| function · 函数 | what it does · 说明 | may be a whole column (spills) · 可整列 | example · 示例 | result · 结果 |",
    "|---|---|---|---|---|",
    ...rows,
    "",
    "Option words · 选项词 — Excel offers them as a pick-list (English in English Excel, Chinese in Chinese Excel); every word of a row is accepted, in any case · 在 Excel 中以下拉列表提供;同一行的任一写法均可,不区分大小写:",
    "",
    "| argument · 参数 | value · 值 | 中文 | English | also accepted · 也接受 |",
    "|---|---|---|---|---|",
    ...optionRows,
  ].join("\n");
}
