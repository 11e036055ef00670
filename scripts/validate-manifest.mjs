#!/usr/bin/env node
// Offline manifest check (office-addin-manifest validate needs the internet):
//  1. well-formed XML (xmllint);
//  2. valid against Microsoft's manifest XSDs when they are available (../shared/manifest-xsd,
//     or $KPI_MANIFEST_XSD_DIR); with CI=true their absence is a failure, elsewhere a warning;
//  3. every resid used is defined under <Resources>, and every defined id is unique;
//  4. every URL is on the manifest's base (https://localhost:3000 for the dev manifest, the origin
//     of a deployment build) and names a file the build put in its folder; AppDomain is that origin;
//  5. one shared runtime (Runtime, Page and FunctionFile share a resid), a functions namespace,
//     and functions-zh-cn.json describing the same functions as the generated functions.json.
// Run after `npm run build` (the npm script does both). With a folder argument
// (`node scripts/validate-manifest.mjs dist-origin`) it checks the manifest of a deployment build
// (`--env origin=…`) there.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const folder = process.argv[2] ? resolve(process.argv[2]) : null;
const manifest = folder ? join(folder, "manifest.xml") : join(root, "manifest.xml");
const ci = process.env.CI === "true";
const problems = [];

function xmllint(args) {
  try {
    execFileSync("xmllint", args, { stdio: "pipe" });
    return null;
  } catch (e) {
    if (e.code === "ENOENT") return "xmllint is not installed (Debian: apt-get install libxml2-utils)";
    return String(e.stderr || e.message).trim();
  }
}

const wellFormed = xmllint(["--noout", "--nonet", manifest]);
if (wellFormed) problems.push(`not well-formed: ${wellFormed}`);

const xsdDir = process.env.KPI_MANIFEST_XSD_DIR || join(root, "..", "shared", "manifest-xsd");
const xsd = join(xsdDir, "OfficeAppManifest.xsd");
if (existsSync(xsd)) {
  const invalid = xmllint(["--noout", "--nonet", "--schema", xsd, manifest]);
  if (invalid) problems.push(`schema: ${invalid}`);
  else console.log(`${manifest} is valid against ${xsd}`);
} else if (ci) {
  problems.push(`Microsoft's manifest XSDs are missing (looked for ${xsd})`);
} else {
  console.warn(`WARNING: ${xsd} not found; the schema check was SKIPPED (it runs in CI).`);
}

const xml = readFileSync(manifest, "utf8");
const resources = xml.slice(xml.indexOf("<Resources>"));
const defined = [...resources.matchAll(/<bt:(?:Image|Url|String)\s+id="([^"]+)"/g)].map((m) => m[1]);
const seen = new Set();
for (const id of defined) {
  if (seen.has(id)) problems.push(`resource id "${id}" is defined twice`);
  seen.add(id);
}
for (const [, resid] of xml.matchAll(/resid="([^"]+)"/g)) {
  if (!seen.has(resid)) problems.push(`resid "${resid}" is used but not defined under <Resources>`);
}

// Shared runtime: one page for the runtime, the functions and the ribbon's function file.
const runtime = /<Runtime\s+resid="([^"]+)"/.exec(xml)?.[1];
const page = /<Page>\s*<SourceLocation\s+resid="([^"]+)"/.exec(xml)?.[1];
const functionFile = /<FunctionFile\s+resid="([^"]+)"/.exec(xml)?.[1];
if (!runtime || runtime !== page || runtime !== functionFile)
  problems.push(`shared runtime: <Runtime resid="${runtime}">, <Page> "${page}" and <FunctionFile> "${functionFile}" must be one resid`);
const namespaceId = /<Namespace\s+resid="([^"]+)"/.exec(xml)?.[1];
const namespace = namespaceId && new RegExp(`<bt:String\\s+id="${namespaceId.replace(/\./g, "\\.")}"\\s+DefaultValue="([^"]*)"`).exec(xml)?.[1];
if (!namespace || !/^[A-Z][A-Z0-9]*$/.test(namespace)) problems.push(`the custom functions namespace is not set (got "${namespace ?? ""}")`);

const dist = folder ?? join(root, "dist");
// the base every URL is on: the task pane page's folder
const source = /<SourceLocation\s+DefaultValue="([^"]+)\/taskpane\.html"/.exec(xml)?.[1];
if (!existsSync(dist)) problems.push(`${dist} does not exist: run \`npm run build\` first`);
else if (!source) problems.push("no <SourceLocation> naming taskpane.html: cannot tell the add-in's base URL");
else {
  const origin = new URL(source).origin;
  for (const [, domain] of xml.matchAll(/<AppDomain>([^<]*)<\/AppDomain>/g)) if (domain !== origin) problems.push(`AppDomain ${domain} is not the add-in's origin ${origin}`);
  if (folder && xml.replace(/<!--[\s\S]*?-->/g, "").includes("localhost")) problems.push("a deployment manifest still names localhost");
  for (const [, url] of xml.matchAll(/"(https?:\/\/[^"]*)"/g)) {
    if (url.startsWith("http://schemas.") || url.startsWith("http://www.w3.org")) continue;
    if (!url.startsWith(`${source}/`)) {
      problems.push(`${url} is not on the add-in's base ${source}`);
      continue;
    }
    const path = url.slice(source.length + 1);
    if (path && !existsSync(join(dist, path))) problems.push(`${url} is not produced by the build (no ${join(dist, path)})`);
  }
}

// The two metadata files describe the same functions and parameters — by shape (count, order,
// types, optional, enums), not by name: the Chinese file names the arguments in Chinese.
if (existsSync(join(dist, "functions.json")) && existsSync(join(dist, "functions-zh-cn.json"))) {
  const meta = (file) => JSON.parse(readFileSync(join(dist, file), "utf8"));
  const shape = (m) => [
    ...m.functions.map((f) => `${f.id}(${f.parameters.map((p) => `${p.optional ? "?" : ""}${p.type}/${p.dimensionality ?? "scalar"}${p.customEnumId ? `/${p.customEnumId}` : ""}`).join(",")})${f.options?.excludeFromAutoComplete ? "hidden" : ""}`),
    ...(m.enums ?? []).map((e) => `${e.id}:${e.type}×${e.values.length}`),
  ];
  const en = shape(meta("functions.json"));
  const zh = shape(meta("functions-zh-cn.json"));
  if (JSON.stringify(en) !== JSON.stringify(zh))
    problems.push(`functions-zh-cn.json does not match functions.json:\n      built:     ${en.join(" ")}\n      zh-cn:     ${zh.join(" ")}`);
  // every function's help link is a page the build produces, on the add-in's base
  for (const file of ["functions.json", "functions-zh-cn.json"])
    for (const f of meta(file).functions) {
      if (!f.helpUrl) problems.push(`${file}: ${f.id} has no helpUrl`);
      else if (!source || !f.helpUrl.startsWith(`${source}/`)) problems.push(`${file}: ${f.id}'s help page ${f.helpUrl} is not on the add-in's base ${source}`);
      else if (!existsSync(join(dist, f.helpUrl.slice(source.length + 1).split("?")[0]))) problems.push(`${file}: ${f.id}'s help page ${f.helpUrl} is not produced by the build`);
    }
}

if (problems.length) {
  console.error(`manifest.xml: ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  process.exit(1);
}
console.log(`${manifest}: well-formed, resources consistent, every URL on ${source} and built`);
