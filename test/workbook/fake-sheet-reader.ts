/**
 * A fake of the Excel object model the readers use (read-api.ts): sheets as grids of values and
 * R1C1 formulas, ranges whose loaded properties are filled at sync(), defined names, protection.
 * Like Excel on the web, a sync whose answer is over 5 MB fails with
 * ResponsePayloadSizeLimitExceeded, and one whose request is over 5 MB fails too; the bytes of
 * every request and response are recorded, and the formulas written are kept.
 */
import type { ReadContextApi, ReadRangeApi, ReadSheetApi } from "../../src/workbook/office/read-api.js";

export const EXCEL_LIMIT = 5 * 1024 * 1024;

export interface FakeSheet {
  /** the used range's first row (0-based): rows above it are empty */
  top?: number;
  /** the used range's cells from its first row, column A first */
  values: unknown[][];
  /** the same cells as R1C1 formulas (a constant where no formula); values where missing */
  formulas?: unknown[][];
  protected?: boolean;
}

interface Pending {
  loaded: Record<string, unknown>;
  sheet: string;
  props: string[];
  at: { row: number; col: number; rows: number; cols: number } | "used";
}

const bytes = (x: unknown) => new TextEncoder().encode(JSON.stringify(x)).length;

export class FakeSheetReader implements ReadContextApi {
  syncs = 0;
  responseBytes: number[] = [];
  requestBytes: number[] = [];
  calculated = 0;
  /** writes and protection changes, in order: `unprotect Sheet`, `Sheet R4C3:1x1 =…` */
  calls: string[] = [];
  /** a sync carrying a formula write fails (Excel refusing it, the network gone) */
  failWrites = false;
  private writes = 0;
  /** changes queued, in order; "write" marks a formula write */
  private effects: ((() => void) | "write")[] = [];
  private pending: Pending[] = [];
  private queued = 0;
  readonly workbook: ReadContextApi["workbook"];

  constructor(
    readonly sheets: Map<string, FakeSheet>,
    readonly names: Map<string, unknown> = new Map(),
    /** more of the workbook the code under test uses (customXmlParts) */
    more: object = {},
  ) {
    this.workbook = {
      ...more,
      worksheets: { getItem: (name: string) => this.sheet(name) },
      names: {
        getItemOrNullObject: (name: string) => ({
          getRangeOrNullObject: () => {
            const r = { isNullObject: !names.has(name), values: [] as unknown[][], load: () => void (r.values = [[names.get(name)]]) };
            return r;
          },
        }),
      },
      application: { calculate: () => void this.calculated++ },
    };
  }

  private sheet(name: string): ReadSheetApi {
    const s = this.sheets.get(name);
    if (!s) throw new Error(`no sheet ${name}`);
    // the range's getters and setters have a `this` of their own
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const owner = this;
    const range = (at: Pending["at"]) => {
      // what a sync loaded; read before a sync, a property is undefined as in Excel it throws
      const loaded: Record<string, unknown> = {};
      const r = {
        load: (props: string[]) => {
          owner.queued += 64;
          owner.pending.push({ loaded, sheet: name, props, at });
        },
        get values() {
          return loaded.values;
        },
        get rowIndex() {
          return loaded.rowIndex;
        },
        get columnIndex() {
          return loaded.columnIndex;
        },
        get rowCount() {
          return loaded.rowCount;
        },
        get columnCount() {
          return loaded.columnCount;
        },
        get formulasR1C1() {
          return loaded.formulasR1C1;
        },
        set formulasR1C1(v: unknown) {
          if (at === "used") throw new Error("the readers write through getRangeByIndexes");
          owner.queued += bytes(v) + 64;
          owner.writes++;
          owner.effects.push("write");
          if (owner.failWrites) return;
          owner.calls.push(`${name} R${at.row + 1}C${at.col + 1}:${at.rows}x${at.cols} ${typeof v === "string" ? v : JSON.stringify(v)}`);
          const f = (s.formulas ??= s.values.map((row) => [...row]));
          for (let i = 0; i < at.rows; i++) for (let j = 0; j < at.cols; j++) (f[at.row - (s.top ?? 0) + i] ??= [])[at.col + j] = typeof v === "string" ? v : (v as unknown[][])[i][j];
        },
      };
      return r as unknown as ReadRangeApi;
    };
    return {
      getUsedRange: () => range("used"),
      getRangeByIndexes: (row, col, rows, cols) => range({ row, col, rows, cols }),
      protection: {
        load: () => undefined,
        get protected() {
          return s.protected ?? false;
        },
        // applied when the sync that carries them succeeds
        unprotect: () => {
          owner.calls.push(`unprotect ${name}`);
          owner.effects.push(() => (s.protected = false));
        },
        protect: (o) => {
          owner.calls.push(`protect ${name} ${JSON.stringify(o ?? {})}`);
          owner.effects.push(() => (s.protected = true));
        },
      },
    };
  }

  private grid(s: FakeSheet, what: "values" | "formulasR1C1", row: number, col: number, rows: number, cols: number): unknown[][] {
    const top = s.top ?? 0;
    const src = what === "values" ? s.values : (s.formulas ?? s.values);
    return Array.from({ length: rows }, (_, i) => {
      const r = row + i >= top ? (what === "formulasR1C1" ? (src[row + i - top] ?? s.values[row + i - top]) : src[row + i - top]) : undefined;
      return Array.from({ length: cols }, (_, j) => r?.[col + j] ?? "");
    });
  }

  async sync(): Promise<void> {
    this.syncs++;
    this.requestBytes.push(this.queued);
    if (this.queued > EXCEL_LIMIT) throw new Error(`request of ${this.queued} bytes exceeds Excel on the web's 5 MB`);
    this.queued = 0;
    const writes = this.writes;
    this.writes = 0;
    const effects = this.effects;
    this.effects = [];
    const apply = (upTo: number) => effects.slice(0, upTo).forEach((f) => f !== "write" && f());
    if (writes && this.failWrites) {
      // as in Excel: what the batch held before the failing command ran, nothing after it
      apply(effects.indexOf("write"));
      this.pending = [];
      throw new Error("simulated failure");
    }
    apply(effects.length);
    const pending = this.pending;
    this.pending = [];
    const answers = pending.map((p) => {
      const s = this.sheets.get(p.sheet)!;
      const width = Math.max(0, ...s.values.map((r) => r.length));
      const at = p.at === "used" ? { row: s.top ?? 0, col: 0, rows: s.values.length, cols: width } : p.at;
      const answer: Record<string, unknown> = {};
      for (const prop of p.props)
        if (prop === "values" || prop === "formulasR1C1") answer[prop] = this.grid(s, prop, at.row, at.col, at.rows, at.cols);
        else answer[prop] = { rowIndex: at.row, columnIndex: at.col, rowCount: at.rows, columnCount: at.cols }[prop];
      return answer;
    });
    const size = bytes(answers);
    this.responseBytes.push(size);
    if (size > EXCEL_LIMIT) throw Object.assign(new Error("The response payload size has exceeded the limit."), { code: "ResponsePayloadSizeLimitExceeded" });
    pending.forEach((p, i) => Object.assign(p.loaded, answers[i]));
  }
}
