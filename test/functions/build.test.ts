/**
 * The production build's pieces agree with each other: the manifest points at files the build
 * makes, taskpane.html carries the functions (shared runtime) and office.js from the CDN, and the
 * two metadata files describe the same functions. Built into a temporary folder.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(__dirname, "../..");
const out = mkdtempSync(join(tmpdir(), "kpi-build-"));

beforeAll(() => {
  execFileSync(process.execPath, [join(root, "node_modules/webpack/bin/webpack.js"), "--mode", "production", "--output-path", out], { cwd: root, stdio: "pipe" });
}, 180_000);

describe("production build", () => {
  it("asks for CustomFunctionsRuntime 1.2: the functions' messages are CustomFunctions.Error, which 1.1 lacks (issue 15)", () => {
    const manifest = readFileSync(join(root, "manifest.xml"), "utf8");
    expect(readFileSync(join(root, "src", "functions", "to-excel.ts"), "utf8")).toContain("CustomFunctions.Error");
    expect(manifest).toMatch(/<Set Name="CustomFunctionsRuntime" MinVersion="1\.2"\/>/);
  });

  it("makes every file the manifest names", () => {
    const manifest = readFileSync(join(out, "manifest.xml"), "utf8");
    const urls = [...manifest.matchAll(/"https:\/\/localhost:3000\/([^"]*)"/g)].map((m) => m[1]).filter(Boolean);
    expect(urls).toContain("functions.json");
    expect(urls).toContain("functions-zh-cn.json");
    expect(urls).toContain("functions.js");
    for (const u of urls) expect(existsSync(join(out, u)), u).toBe(true);
  });
  it("puts the functions on the task pane page, after office.js", () => {
    const html = readFileSync(join(out, "taskpane.html"), "utf8");
    const office = html.indexOf("appsforoffice.microsoft.com/lib/1/hosted/office.js");
    expect(office).toBeGreaterThan(0);
    expect(html.indexOf("functions.js")).toBeGreaterThan(office);
    expect(html).toContain("taskpane.js");
  });
  it("binds every function in the bundle and the metadata files agree", () => {
    const bundle = readFileSync(join(out, "functions.js"), "utf8");
    const meta = JSON.parse(readFileSync(join(out, "functions.json"), "utf8")) as { functions: { id: string; parameters: { name: string }[] }[] };
    const zh = JSON.parse(readFileSync(join(out, "functions-zh-cn.json"), "utf8")) as typeof meta;
    for (const f of meta.functions) expect(bundle).toContain(`CustomFunctions.associate("${f.id}"`);
    expect(zh.functions.map((f) => [f.id, f.parameters.map((p) => p.name)])).toEqual(meta.functions.map((f) => [f.id, f.parameters.map((p) => p.name)]));
  });
  it("loads nothing from the network but office.js", () => {
    const html = readFileSync(join(out, "taskpane.html"), "utf8");
    // the production html is minified: attribute quotes may be gone
    const external = [...html.matchAll(/(?:src|href)=["']?(https?:[^"'\s>]+)/g)].map((m) => m[1]);
    expect(external).toEqual(["https://appsforoffice.microsoft.com/lib/1/hosted/office.js"]);
    for (const file of readdirSync(out).filter((f) => f.endsWith(".js"))) {
      const code = readFileSync(join(out, file), "utf8");
      expect(code.match(/https?:\/\/[a-z0-9.-]+\.[a-z]{2,}[^"'\s)]*/gi)?.filter((u) => !/w3\.org|json-schema\.org|zod\.dev|react\.dev\/errors|openxmlformats\.org|purl\.org/.test(u)) /* identifiers and error-page links in library code, never fetched */ ?? [], file).toEqual([]);
    }
  });
});
