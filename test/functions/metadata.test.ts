/**
 * The metadata agrees with the code: functions.json (generated from the JSDoc of
 * src/functions/functions.ts) declares exactly the specs' functions and parameters, and the
 * hand-kept functions-zh-cn.json has the same ids and parameters with a Chinese description
 * for every function and parameter.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { FUNCTION_SPECS } from "../../src/functions/specs/index.js";

const require = createRequire(import.meta.url);
const { generateCustomFunctionsMetadata } = require("custom-functions-metadata") as {
  generateCustomFunctionsMetadata(files: string[], wantAssociates: boolean): Promise<{ errors: string[]; metadataJson: string; associate: { id: string; functionName: string }[] }>;
};

interface Meta {
  functions: {
    id: string;
    name: string;
    description: string;
    helpUrl?: string;
    options?: { excludeFromAutoComplete?: boolean };
    parameters: { name: string; description: string; type: string; optional?: boolean; dimensionality?: string; customEnumId?: string }[];
  }[];
  enums?: { id: string; type: string; values: { name: string; stringValue: string; tooltip: string }[] }[];
}

const zh = JSON.parse(readFileSync("src/functions/functions-zh-cn.json", "utf8")) as Meta;
// the shape Excel relies on, names left out: the Chinese file names the arguments in Chinese
const shape = (m: Meta) => ({
  functions: m.functions.map((f) => ({
    id: f.id,
    name: f.name,
    hidden: !!f.options?.excludeFromAutoComplete,
    params: f.parameters.map((p) => `${p.optional ? "?" : ""}${p.type}/${p.dimensionality ?? "scalar"}/${p.customEnumId ?? ""}`),
  })),
  enums: (m.enums ?? []).map((e) => `${e.id}:${e.type}×${e.values.length}`),
});

describe("custom function metadata", () => {
  let generated: Meta;
  it("is generated from the JSDoc without errors, one associate call per function", async () => {
    const r = await generateCustomFunctionsMetadata(["src/functions/functions.ts"], true);
    expect(r.errors).toEqual([]);
    generated = JSON.parse(r.metadataJson);
    expect(r.associate.map((a) => a.id)).toEqual(FUNCTION_SPECS.map((s) => s.id));
  }, 60_000);

  it("declares exactly the specs' functions and parameters, in order", () => {
    expect(generated.functions.map((f) => f.id)).toEqual(FUNCTION_SPECS.map((s) => s.id));
    for (const spec of FUNCTION_SPECS) {
      const f = generated.functions.find((x) => x.id === spec.id)!;
      expect(f.parameters.map((p) => p.name), spec.id).toEqual(spec.params.map((p) => p.name));
      expect(f.parameters.map((p) => !!p.optional), spec.id).toEqual(spec.params.map((p) => !!p.optional));
      // per-row inputs must accept ranges, or a column could not spill
      for (const p of spec.params) if (p.kind !== "fixed") expect(f.parameters.find((x) => x.name === p.name)!.dimensionality, `${spec.id}.${p.name}`).toBe("matrix");
      expect(f.description.length).toBeGreaterThan(20);
      for (const p of f.parameters) expect(p.description, `${spec.id}.${p.name}`).toBeTruthy();
    }
  });

  it("functions-zh-cn.json has the same functions, parameters and pick-lists, all in Chinese", () => {
    expect(shape(zh)).toEqual(shape(generated));
    const chinese = /[\u4e00-\u9fff]/;
    for (const f of zh.functions) {
      expect(f.description, f.id).toMatch(chinese);
      for (const p of f.parameters) {
        expect(p.description, `${f.id}.${p.name}`).toMatch(chinese);
        // a Chinese name, nothing English in it (实际值, not actual)
        expect(p.name, `${f.id}.${p.name}`).toMatch(/^[\u4e00-\u9fff]+$/);
      }
      expect(new Set(f.parameters.map((p) => p.name)).size, `${f.id}: two arguments with one name`).toBe(f.parameters.length);
    }
    for (const e of zh.enums ?? []) for (const v of e.values) expect(`${v.name} ${v.tooltip}`, e.id).toMatch(chinese);
  });

  it("every option argument is a pick-list, in both files", () => {
    for (const m of [generated, zh])
      for (const f of m.functions)
        for (const p of f.parameters) {
          const spec = FUNCTION_SPECS.find((s) => s.id === f.id)!.params[f.parameters.indexOf(p)];
          if (["direction", "partial", "method", "mode"].includes(spec.name)) expect(p.customEnumId, `${f.id}.${spec.name}`).toBeTruthy();
        }
  });

  it("every function links to its help page, in its language", () => {
    for (const f of generated.functions) expect(f.helpUrl).toBe(`https://localhost:3000/help/${f.id.toLowerCase()}.html?lang=en-US`);
    for (const f of zh.functions) expect(f.helpUrl).toBe(`https://localhost:3000/help/${f.id.toLowerCase()}.html?lang=zh-CN`);
  });

  it("the former names work but are out of autocomplete", () => {
    const hidden = generated.functions.filter((f) => f.options?.excludeFromAutoComplete).map((f) => f.id);
    expect(hidden.sort()).toEqual(["BLEND", "CUMULATIVE"]);
  });

  it("names stay English (Chinese Excel uses English function names too)", () => {
    for (const f of zh.functions) expect(f.name).toMatch(/^[A-Z]+$/);
  });
});
