/**
 * The part of the Excel JavaScript API the readers use (recalculation, putting formulas back),
 * typed structurally like the writer's view in api.ts, so that tests pass a recording fake and
 * the task pane passes Excel.run's real context. Loaded properties are read only after a sync.
 */
export interface ReadRangeApi {
  load(props: string[]): void;
  values: unknown[][];
  formulasR1C1: unknown[][] | string;
  /** ExcelApi 1.1 */
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

export interface ReadSheetApi {
  getUsedRange(): ReadRangeApi;
  /** ExcelApi 1.7 */
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): ReadRangeApi;
  protection: { load(props: string): void; protected: boolean; unprotect(): void; protect(options?: Record<string, boolean>): void };
}

export interface ReadContextApi {
  workbook: {
    worksheets: { getItem(name: string): ReadSheetApi };
    names: { getItemOrNullObject(name: string): { getRangeOrNullObject(): { load(props: string): void; isNullObject: boolean; values: unknown[][] } } };
    /** "Full": every formula, whatever Excel thinks is dirty */
    application: { calculate(type: string): void };
  };
  sync(): Promise<void>;
}
