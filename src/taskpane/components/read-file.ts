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
