import { readXlsxRows } from "../../io/xlsx-read.js";
import { formatCsv } from "../../io/csv.js";

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

/** A roster file as CSV text: a CSV as it is, an .xlsx's first sheet converted. */
export async function readRosterFile(file: File): Promise<string> {
  if (!/\.xlsx$/i.test(file.name)) return readFileText(file);
  const buffer = typeof file.arrayBuffer === "function" ? await file.arrayBuffer() : await new Response(file).arrayBuffer();
  const rows = readXlsxRows(new Uint8Array(buffer));
  return formatCsv(rows[0] ?? [], rows.slice(1)).replace(/^\ufeff/, "");
}
