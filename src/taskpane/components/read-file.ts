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

/** A roster file as CSV text: a CSV as it is, an .xlsx's first sheet converted. */
export async function readRosterFile(file: File): Promise<string> {
  if (!/\.xlsx$/i.test(file.name)) return readFileText(file);
  const rows = readXlsxRows(await readFileBytes(file));
  return formatCsv(rows[0] ?? [], rows.slice(1)).replace(/^\ufeff/, "");
}
