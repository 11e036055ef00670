import { formatCsv } from "../../io/csv.js";
import { isWorkbookFile, RosterFileError, tableOfFile, textOfFile, type RosterRead } from "../../io/read-roster.js";

/** A chosen file's text (UTF-8, BOM removed); FileReader where File.text is missing (older webviews). */
export async function readFileText(file: File): Promise<string> {
  const text =
    typeof file.text === "function"
      ? await file.text()
      : await new Promise<string>((resolve, reject) => {
          const r = new FileReader();
          r.onload = () => resolve(String(r.result));
          r.onerror = () => reject(r.error);
          r.readAsText(file, "utf-8");
        });
  return text.replace(/^\ufeff/, "");
}

/** A chosen file's bytes; FileReader where Blob.arrayBuffer is missing (older webviews). */
export async function readFileBytes(file: File): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === "function") return new Uint8Array(await file.arrayBuffer());
  return new Promise<Uint8Array>((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(new Uint8Array(r.result as ArrayBuffer));
    r.onerror = () => reject(r.error);
    r.readAsArrayBuffer(file);
  });
}

/**
 * A roster file as text the pane keeps: an .xlsx's first visible sheet as CSV, a text file decoded
 * in whatever encoding it is in (UTF-8, UTF-16, GB18030/GBK — Excel's "CSV" on Chinese Windows),
 * and how it was read.
 */
export async function readRosterFile(file: File): Promise<{ text: string; source: RosterRead["source"] }> {
  const bytes = await readFileBytes(file);
  if (isWorkbookFile(bytes)) {
    const table = await tableOfFile(bytes);
    const rows = [...table.rows].map((r) => r.cells);
    if (table.source === "xlsx") return { text: formatCsv(rows[0] ?? [], rows.slice(1)).replace(/^\ufeff/, ""), source: "xlsx" };
  }
  const decoded = textOfFile(bytes);
  if ("problem" in decoded) throw new RosterFileError(decoded.problem.key, { line: decoded.problem.line });
  return { text: decoded.text.replace(/^\ufeff/, ""), source: decoded.encoding };
}
