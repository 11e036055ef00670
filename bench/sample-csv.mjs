// The roster the CLI benches read: ecommerce-cs sample data as a CSV file in a fresh temporary
// directory (seed 42, so that every bench reads the same people).
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { builtInScheme } from "../lib/schemes/index.js";
import { sampleData } from "../lib/core/sample.js";
import { formatCsv } from "../lib/io/csv.js";

/** Writes `rows` people to <new dir>/data.csv: returns the directory and the file. */
export function sampleCsv(rows, prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const input = join(dir, "data.csv");
  const sample = sampleData(builtInScheme("ecommerce-cs"), { rows, seed: 42 });
  writeFileSync(input, formatCsv(sample.header, sample.rows));
  return { dir, input };
}
