// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { strFromU8, unzipSync } from "fflate";
import ExcelJS from "exceljs";
import { posix } from "node:path";
import { sideloadWorkbook } from "../../scripts/dev/sideload-workbook.js";

const manifest = { id: "6f1d8a52-3c4b-4e0f-9a57-2b9c0d4e7a11", version: "0.1.0.0" };
const parser = new DOMParser();

function parts(): Record<string, Document> {
  const files = unzipSync(sideloadWorkbook(manifest));
  return Object.fromEntries(
    Object.entries(files).map(([path, bytes]) => {
      const doc = parser.parseFromString(strFromU8(bytes), "application/xml");
      expect(doc.getElementsByTagName("parsererror").length, `${path} is well-formed XML`).toBe(0);
      return [path, doc];
    }),
  );
}

describe("the workbook npm start opens in desktop Excel", () => {
  it("names our add-in from the developer store, by manifest id and version", () => {
    const ext = parts()["xl/webextensions/webextension1.xml"].documentElement;
    const ref = ext.getElementsByTagNameNS("http://schemas.microsoft.com/office/webextensions/webextension/2010/11", "reference")[0];
    expect(ref.getAttribute("id")).toBe(manifest.id);
    expect(ref.getAttribute("version")).toBe(manifest.version);
    expect(ref.getAttribute("store")).toBe("developer");
    expect(ref.getAttribute("storeType")).toBe("Registry");
  });

  it("shows the pane: a visible task pane that points at the web extension", () => {
    const all = parts();
    const pane = all["xl/webextensions/taskpanes.xml"].getElementsByTagNameNS("http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11", "taskpane")[0];
    expect(pane.getAttribute("visibility")).toBe("1");
    const relId = pane.firstElementChild?.getAttributeNS("http://schemas.openxmlformats.org/officeDocument/2006/relationships", "id");
    const rel = Array.from(all["xl/webextensions/_rels/taskpanes.xml.rels"].getElementsByTagName("Relationship")).find((r) => r.getAttribute("Id") === relId);
    expect(rel?.getAttribute("Target")).toBe("webextension1.xml");
  });

  it("is a consistent package: every relationship target exists and every part has a content type", () => {
    const all = parts();
    const types = all["[Content_Types].xml"];
    const overrides = new Set(Array.from(types.getElementsByTagName("Override")).map((o) => o.getAttribute("PartName")));
    const defaults = new Set(Array.from(types.getElementsByTagName("Default")).map((d) => d.getAttribute("Extension")));
    for (const path of Object.keys(all)) {
      if (path === "[Content_Types].xml") continue;
      expect(overrides.has(`/${path}`) || defaults.has(path.slice(path.lastIndexOf(".") + 1)), path).toBe(true);
    }
    for (const [path, doc] of Object.entries(all)) {
      if (!path.endsWith(".rels")) continue;
      const base = posix.dirname(posix.dirname(path)); // _rels/x.rels describes the parts beside x
      for (const rel of Array.from(doc.getElementsByTagName("Relationship"))) {
        const target = posix.normalize(posix.join(base, rel.getAttribute("Target") ?? "")).replace(/^\.\//, "");
        expect(all[target], `${path} → ${target}`).toBeDefined();
      }
    }
    // the package's main relationships: the workbook and the task panes
    const rootTypes = Array.from(all["_rels/.rels"].getElementsByTagName("Relationship")).map((r) => r.getAttribute("Type"));
    expect(rootTypes).toContain("http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument");
    expect(rootTypes).toContain("http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes");
  });

  it("opens as an ordinary one-sheet workbook in another reader", async () => {
    const wb = new ExcelJS.Workbook();
    // ExcelJS types its Buffer before Node 20.19's generic one; the bytes are the same
    await wb.xlsx.load(Buffer.from(sideloadWorkbook(manifest)) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Sheet1"]);
  });
});
