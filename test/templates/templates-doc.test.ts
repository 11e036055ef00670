/** docs/templates.md keeps up with the templates: a section for each, every setting to review named in it. */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { builtInSchemes } from "../../src/schemes/index.js";

const doc = readFileSync("docs/templates.md", "utf8");
const sections = new Map(doc.split(/^## /m).slice(1).map((s) => [s.split("\n")[0].trim(), s]));

describe("docs/templates.md", () => {
  it.each(builtInSchemes().map((s) => [s.id, s] as const))("%s: a section naming every setting to review", (id, scheme) => {
    const section = sections.get(id);
    expect(section, `no "## ${id}" section`).toBeDefined();
    for (const p of scheme.parameters.filter((x) => x.review)) expect(section, p.id).toContain(`\`${p.id}\``);
  });
  it("has no section for a template that does not exist", () => {
    const ids = new Set(builtInSchemes().map((s) => s.id));
    for (const name of sections.keys()) if (name !== "Known gaps") expect(ids, name).toContain(name);
  });
});
