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
    type Meta = { functions: { id: string; helpUrl: string; parameters: { name: string; optional?: boolean; customEnumId?: string }[] }[] };
    const meta = JSON.parse(readFileSync(join(out, "functions.json"), "utf8")) as Meta;
    const zh = JSON.parse(readFileSync(join(out, "functions-zh-cn.json"), "utf8")) as Meta;
    for (const f of meta.functions) expect(bundle).toContain(`CustomFunctions.associate("${f.id}"`);
    // the same functions and arguments (the Chinese file names them in Chinese)
    const shape = (m: Meta) => m.functions.map((f) => [f.id, f.parameters.map((p) => `${p.optional ? "?" : ""}${p.customEnumId ?? ""}`)]);
    expect(shape(zh)).toEqual(shape(meta));
    // every help link is a page of the build
    for (const f of [...meta.functions, ...zh.functions]) expect(existsSync(join(out, f.helpUrl.replace("https://localhost:3000/", "").split("?")[0])), f.helpUrl).toBe(true);
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

describe("a build for the company's own origin (issue 15)", () => {
  const deployed = mkdtempSync(join(tmpdir(), "kpi-build-origin-"));
  const base = "https://hr.example.com/kpi";
  const id = "2f9c4a0e-7b1d-4c3a-9e8f-5d6b7a8c9d0e";
  beforeAll(() => {
    execFileSync(process.execPath, [join(root, "node_modules/webpack/bin/webpack.js"), "--mode", "production", "--env", `origin=${base}/`, "--env", `id=${id}`, "--output-path", deployed], { cwd: root, stdio: "pipe" });
  }, 180_000);

  it("writes dist/manifest.xml with every URL on that origin, naming a built file; the dev manifest is untouched", () => {
    const manifest = readFileSync(join(deployed, "manifest.xml"), "utf8");
    expect(manifest.replace(/<!--[\s\S]*?-->/g, "")).not.toContain("localhost");
    expect(manifest).toContain(`<Id>${id}</Id>`);
    expect(manifest).toContain("<AppDomain>https://hr.example.com</AppDomain>");
    const urls = [...manifest.matchAll(/"(https:\/\/[^"]*)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(8);
    for (const u of urls) {
      expect(u.startsWith(`${base}/`), u).toBe(true);
      expect(existsSync(join(deployed, u.slice(base.length + 1))), u).toBe(true);
    }
    expect(readFileSync(join(root, "manifest.xml"), "utf8")).toContain("https://localhost:3000/taskpane.html");
    // checked as the dev manifest is (against Microsoft's XSDs where ../shared has them: `npm run validate` insists)
    const said = execFileSync(process.execPath, [join(root, "scripts/validate-manifest.mjs"), deployed], { cwd: root, encoding: "utf8", env: { ...process.env, CI: "false" } });
    expect(said).toContain(`every URL on ${base} and built`);
    // the functions' help links too
    for (const file of ["functions.json", "functions-zh-cn.json"]) {
      const m = JSON.parse(readFileSync(join(deployed, file), "utf8")) as { functions: { helpUrl: string }[] };
      for (const f of m.functions) {
        expect(f.helpUrl.startsWith(`${base}/help/`), f.helpUrl).toBe(true);
        expect(existsSync(join(deployed, f.helpUrl.slice(base.length + 1).split("?")[0])), f.helpUrl).toBe(true);
      }
    }
  });

  it("refuses an origin Office cannot load, and an id that is not a GUID, saying what is expected", async () => {
    const { parseBase, manifestForBase } = (await import(join(root, "scripts/manifest-origin.mjs"))) as { parseBase(s: string): string; manifestForBase(xml: string, base: string, id?: string): string };
    expect(parseBase("https://hr.example.com/kpi/")).toBe("https://hr.example.com/kpi");
    expect(parseBase("https://hr.example.com")).toBe("https://hr.example.com");
    expect(() => parseBase("http://hr.example.com")).toThrow("must use https://");
    expect(() => parseBase("hr.example.com")).toThrow("is not a URL: expected e.g. https://hr.example.com/kpi");
    expect(() => parseBase("https://hr.example.com/kpi?x=1")).toThrow("must not carry a query or fragment");
    const xml = readFileSync(join(root, "manifest.xml"), "utf8");
    expect(() => manifestForBase(xml, "https://hr.example.com", "not-a-guid")).toThrow('add-in id "not-a-guid" is not a GUID');
  });
});
