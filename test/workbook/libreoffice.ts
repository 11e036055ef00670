/**
 * LibreOffice as the real spreadsheet engine that checks our formulas: recalculates an .xlsx
 * headless in a throw-away profile (OOXMLRecalcMode 0: always recalculate on load) and saves it
 * again, so that ExcelJS can read the computed values. Missing LibreOffice: a loud skip outside
 * CI, a failure with CI=true (.ci/run installs libreoffice-calc-nogui).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";

export function findSoffice(): string | null {
  const r = spawnSync("sh", ["-c", "command -v soffice || command -v libreoffice"], { encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : null;
}

export const soffice = findSoffice();
export const inCI = process.env.CI === "true";

if (!soffice) {
  const message = "LibreOffice (soffice) is not installed: the native-formula checks against a real spreadsheet engine are SKIPPED. Debian: apt-get install libreoffice-calc-nogui";
  if (inCI) throw new Error(message + " — and CI=true, so this is a failure.");
  console.warn(`\n*** ${message} ***\n`);
}

const XCU = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

let profile: string | null = null;

/** One throw-away LibreOffice profile for the whole run, set to recalculate on load. */
function ensureProfile(): string {
  if (!profile) {
    profile = mkdtempSync(join(tmpdir(), "kpi-lo-profile-"));
    mkdirSync(join(profile, "user"), { recursive: true });
    writeFileSync(join(profile, "user", "registrymodifications.xcu"), XCU);
  }
  return profile;
}

/** Recalculate `file` in LibreOffice; returns the path of the recalculated copy. */
export function recalculate(file: string): string {
  return recalculateAll([file])[0];
}

/** Recalculate several files in one LibreOffice start (it costs a second or two each time). */
export function recalculateAll(files: readonly string[]): string[] {
  if (!soffice) throw new Error("no LibreOffice");
  ensureProfile();
  const out = mkdtempSync(join(tmpdir(), "kpi-lo-out-"));
  execFileSync(soffice, [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", "xlsx", "--outdir", out, ...files], {
    stdio: "pipe",
    timeout: 120_000 + 20_000 * files.length,
  });
  return files.map((f) => join(out, basename(f)));
}

/** Print several workbooks to PDF in one LibreOffice start; returns the PDFs' paths. */
export function printAll(files: readonly string[]): string[] {
  if (!soffice) throw new Error("no LibreOffice");
  const out = mkdtempSync(join(tmpdir(), "kpi-lo-pdf-"));
  execFileSync(soffice, [`-env:UserInstallation=file://${ensureProfile()}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", out, ...files], {
    stdio: "pipe",
    timeout: 120_000 + 20_000 * files.length,
  });
  return files.map((f) => join(out, basename(f).replace(/\.xlsx$/, ".pdf")));
}

/** The text of each page of a PDF (poppler's pdftotext). */
export function pdfPages(pdf: string): string[] {
  const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return text.split("\f").filter((p, i, all) => i < all.length - 1 || p.trim() !== "");
}
