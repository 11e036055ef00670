/**
 * The workbook `npm start` opens in desktop Excel: empty but for a web-extension part that names
 * our add-in (by manifest id and version, from the "developer" store that the registry key or
 * the `wef` folder feeds) and a task-pane part that shows it. Opening the file loads the pane,
 * as the Office templates' sideload does — no ribbon click needed on the first run.
 */
import { strToU8, zipSync } from "fflate";
import type { ManifestInfo } from "./manifest-info.js";

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";

function relationships(rels: Array<{ id: string; type: string; target: string }>): string {
  return `${XML}<Relationships xmlns="${PKG_REL}">${rels.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${r.target}"/>`).join("")}</Relationships>`;
}

/** The parts, by path inside the package (exported for the test that checks them). */
export function sideloadParts(manifest: Pick<ManifestInfo, "id" | "version">): Record<string, string> {
  return {
    "[Content_Types].xml":
      `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '<Override PartName="/xl/webextensions/taskpanes.xml" ContentType="application/vnd.ms-office.webextensiontaskpanes+xml"/>' +
      '<Override PartName="/xl/webextensions/webextension1.xml" ContentType="application/vnd.ms-office.webextension+xml"/>' +
      "</Types>",
    "_rels/.rels": relationships([
      { id: "rId1", type: `${REL}/officeDocument`, target: "xl/workbook.xml" },
      { id: "rId2", type: "http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes", target: "xl/webextensions/taskpanes.xml" },
    ]),
    "xl/workbook.xml":
      `${XML}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}">` +
      '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": relationships([{ id: "rId1", type: `${REL}/worksheet`, target: "worksheets/sheet1.xml" }]),
    "xl/worksheets/sheet1.xml": `${XML}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>`,
    "xl/webextensions/taskpanes.xml":
      `${XML}<wetp:taskpanes xmlns:wetp="http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11" xmlns:r="${REL}">` +
      '<wetp:taskpane dockstate="right" visibility="1" width="350" row="1"><wetp:webextensionref r:id="rId1"/></wetp:taskpane></wetp:taskpanes>',
    "xl/webextensions/_rels/taskpanes.xml.rels": relationships([
      { id: "rId1", type: "http://schemas.microsoft.com/office/2011/relationships/webextension", target: "webextension1.xml" },
    ]),
    "xl/webextensions/webextension1.xml":
      `${XML}<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" xmlns:r="${REL}" id="{${manifest.id.toUpperCase()}}">` +
      `<we:reference id="${manifest.id}" version="${manifest.version}" store="developer" storeType="Registry"/>` +
      "<we:alternateReferences/><we:properties/><we:bindings/><we:snapshot/></we:webextension>",
  };
}

export function sideloadWorkbook(manifest: Pick<ManifestInfo, "id" | "version">): Uint8Array {
  const parts = sideloadParts(manifest);
  return zipSync(Object.fromEntries(Object.entries(parts).map(([path, xml]) => [path, strToU8(xml)])), { level: 6 });
}
