/** Every example in README's function table gives the result the table states. */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { fx } from "./fn-helpers.js";
import type { Cell, Matrix } from "../../src/functions/coerce.js";
import { FUNCTION_SPECS } from "../../src/functions/specs/index.js";

/** Excel formula arguments as they appear in the table: numbers, "text", {array;constants}. */
function parseArgs(text: string): (Cell | Matrix)[] {
  const args: (Cell | Matrix)[] = [];
  let i = 0;
  const value = (): Cell => {
    if (text[i] === '"') {
      const end = text.indexOf('"', i + 1);
      const s = text.slice(i + 1, end);
      i = end + 1;
      return s;
    }
    const m = /^-?[\d.]+/.exec(text.slice(i))!;
    i += m[0].length;
    return Number(m[0]);
  };
  while (i < text.length) {
    if (text[i] === " " || text[i] === ",") {
      i++;
      continue;
    }
    if (text[i] === "{") {
      i++;
      const rows: Cell[][] = [[]];
      while (text[i] !== "}") {
        if (text[i] === ",") i++;
        else if (text[i] === ";") {
          rows.push([]);
          i++;
        } else rows[rows.length - 1].push(value());
      }
      i++;
      args.push(rows.map((r) => r.map((c) => (c === "" ? null : c))));
    } else args.push(value());
  }
  return args;
}

const readme = readFileSync("README.md", "utf8");
const rows = [...readme.matchAll(/^\| `KPI\.(\w+)\(.*?\| `=KPI\.(\w+)\((.*)\)` \| (.+) \|$/gm)];

describe("README function table", () => {
  it("lists every function once", () => {
    expect(rows.map((r) => r[1])).toEqual(FUNCTION_SPECS.map((s) => s.id));
  });
  it.each(rows.map((r) => [r[2], r[3], r[4]]))("=KPI.%s(%s) → %s", (id, args, result) => {
    const out = fx(id, ...parseArgs(args)).map((r) => r[0]);
    expect(out.map(String).join(", ")).toBe(result.trim());
  });
});
