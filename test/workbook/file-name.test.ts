/** Download names in the workbook's language, safe on Windows and macOS (bug: the English id was used). */
import { describe, expect, it } from "vitest";
import { safeFileStem, workbookFileName } from "../../src/workbook/file-name.js";
import { builtInScheme } from "../../src/schemes/index.js";

describe("workbook file names", () => {
  it("names the file by the scheme in the workbook's language and the period", () => {
    const s = builtInScheme("ecommerce-cs")!;
    expect(workbookFileName(s, "zh-CN", "2026-11")).toBe(`${s.name["zh-CN"]}-2026-11.xlsx`);
    expect(workbookFileName(s, "en-US", null, "Payslips")).toBe(`${s.name["en-US"]}-Payslips.xlsx`);
  });
  it("replaces what Windows or macOS refuse, trims dots and spaces, keeps Chinese whole", () => {
    expect(safeFileStem('考核/绩效: "A|B" <11月>?*')).toBe("考核_绩效_ _A_B_ _11月___");
    expect(safeFileStem(" .隐藏. ")).toBe("隐藏");
    expect(safeFileStem("...")).toBe("_");
    expect([...safeFileStem("考".repeat(300))]).toHaveLength(120);
  });
});
