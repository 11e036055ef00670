/**
 * Editing a saved workbook as a person typing numbers over its cells would (no formula left, the
 * cell's text type dropped), and optionally any other part of the file; for the recalculation tests.
 */
import { expect } from "vitest";
import { readFileSync, writeFileSync } from "node:fs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";

export function typeNumbers(path: string, sheetIndex: number, cells: Record<string, number>, edit?: (files: Record<string, Uint8Array>) => void): void {
  const files = unzipSync(readFileSync(path));
  const part = `xl/worksheets/sheet${sheetIndex + 1}.xml`;
  let xml = strFromU8(files[part]);
  for (const [ref, value] of Object.entries(cells)) {
    const cell = new RegExp(`<c r="${ref}"([^>]*?)(?:/>|>[\\s\\S]*?</c>)`);
    expect(cell.test(xml), `${part} ${ref}`).toBe(true);
    xml = xml.replace(cell, (_, attrs: string) => `<c r="${ref}"${attrs.replace(/\s*t="\w+"/, "")}><v>${value}</v></c>`);
  }
  files[part] = strToU8(xml);
  edit?.(files);
  writeFileSync(path, zipSync(files));
}
