/**
 * The part of the Excel JavaScript API the writer uses, typed structurally so that tests can pass
 * a recording fake and the task pane can pass Excel.run's real context (Excel.RequestContext
 * has all of these members).
 */
export interface RangeApi {
  /**
   * A 2-D array the size of the range — or one value, which Excel applies to every cell of the
   * range, a formula's relative references moving with each cell as in a fill-down (the platform
   * facts in ARCHITECTURE.md; shown working, and asked to be typed, in
   * https://techcommunity.microsoft.com/idea/microsoft365developerplatform/allow-passing-a-single-value-to-the-range-object-values-and-formulas/4211172).
   * @types/office-js declares only the array (`any[][]`); our API view is widened here, and only here.
   */
  formulas: unknown[][] | string;
  formulasR1C1: unknown[][] | string;
  numberFormat: unknown[][] | string;
  columnHidden: boolean;
  format: {
    font: { bold: boolean };
    fill: { color: string };
    wrapText: boolean;
    columnWidth: number;
    rowHeight: number;
    protection: { locked: boolean };
  };
  dataValidation: { rule: unknown; prompt: unknown; errorAlert: unknown };
  conditionalFormats: {
    add(type: string): {
      custom: { rule: { formula: string }; format: { fill: { color: string } } };
      /** present for "DataBar" */
      dataBar?: { lowerBoundRule: { type: string; formula?: string }; upperBoundRule: { type: string; formula?: string }; positiveFormat: { fillColor: string } };
    };
  };
}

export interface SheetApi {
  name: string;
  getRange(address: string): RangeApi;
  tables: { add(address: string, hasHeaders: boolean): { name: string; style: string } };
  freezePanes: { freezeAt(address: string): void };
  protection: { protect(options?: Record<string, boolean>): void };
  charts: { add(type: string, source: RangeApi, seriesBy?: string): { title: { text: string }; setPosition(startCell: string, endCell?: string): void } };
  /** ExcelApi 1.9; absent in older Excel, where the sheet prints with Excel's defaults. */
  pageLayout?: {
    /** "Portrait" | "Landscape" */
    orientation: string;
    paperSize: string;
    centerHorizontally: boolean;
    zoom: { horizontalFitToPages?: number; verticalFitToPages?: number };
    setPrintTitleRows(rows: string): void;
    setPrintTitleColumns(columns: string): void;
    headersFooters: { defaultForAllPages: { centerHeader: string; centerFooter: string } };
  };
  /** ExcelApi 1.9: manual page breaks (between payslips); absent in older Excel. */
  horizontalPageBreaks?: { add(pageBreakRange: string): unknown };
  delete(): void;
}

export interface ContextApi {
  workbook: {
    worksheets: {
      load(props: string): void;
      items: { name: string }[];
      add(name: string): SheetApi;
      getItem(name: string): SheetApi;
    };
    names: {
      load(props: string): void;
      items: { name: string }[];
      add(name: string, reference: string): unknown;
      getItem(name: string): { delete(): void };
    };
    tables: { load(props: string): void; items: { name: string }[] };
    application: { suspendApiCalculationUntilNextSync(): void };
  };
  sync(): Promise<void>;
}
