/**
 * A recording fake of the Excel object model, enough for the writer: it keeps sheets, cells
 * (formulas as written), names and tables; counts sync() calls and the bytes queued for each;
 * and can fail at a chosen operation, to test that a failure leaves the workbook as it was.
 */
import type { ContextApi, RangeApi, SheetApi } from "../../src/workbook/office/api.js";

export interface FakeState {
  sheets: string[];
  names: string[];
  tables: string[];
}

export class FakeExcel implements ContextApi {
  syncs = 0;
  requestBytes: number[] = [];
  private queued = 0;
  /** Sheet name → A1 address → value written through `formulas`. */
  cells = new Map<string, Map<string, unknown>>();
  protectedSheets = new Set<string>();
  /** Sheet name → how it was set to print. */
  pageLayouts = new Map<string, Record<string, unknown>>();
  /** Sheet name → the rows manual page breaks were put above. */
  pageBreaks = new Map<string, string[]>();
  validations: { sheet: string; address: string; rule: unknown; prompt: unknown }[] = [];
  calculationSuspended = 0;
  /** Number formats given as one value for a whole range. */
  scalarFormats = 0;
  /** Charts added: their sheet and where they were put. */
  charts: { sheet: string; at: string | null }[] = [];
  private sheetNames: string[];
  private nameList: string[];
  private tableList: string[] = [];
  private tableSheet = new Map<string, string>();
  failOn: ((op: string) => boolean) | null = null;
  ops = 0;

  constructor(initial: Partial<FakeState> = {}) {
    this.sheetNames = [...(initial.sheets ?? ["Sheet1"])];
    this.nameList = [...(initial.names ?? [])];
    this.tableList = [...(initial.tables ?? [])];
  }

  state(): FakeState {
    return { sheets: [...this.sheetNames], names: [...this.nameList], tables: [...this.tableList] };
  }

  private op(name: string, payload: unknown = null) {
    this.ops++;
    this.queued += JSON.stringify(payload)?.length ?? 0;
    if (this.failOn?.(name)) throw new Error(`simulated failure at ${name}`);
  }

  async sync(): Promise<void> {
    this.syncs++;
    this.requestBytes.push(this.queued);
    if (this.queued > 5 * 1024 * 1024) throw new Error(`request of ${this.queued} bytes exceeds Excel on the web's 5 MB`);
    this.queued = 0;
  }

  private sheet(name: string): SheetApi {
    // the setters below are Excel's property-assignment style; they record into this fake
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const fake = this;
    const cells = this.cells.get(name)!;
    const range = (address: string): RangeApi => {
      const write = (v: unknown[][] | unknown, as: (x: unknown, row: number) => unknown) => {
        if (fake.protectedSheets.has(name)) throw new Error("the sheet is protected");
        const [start, end = start] = address.split(":");
        const at = (a: string) => {
          const m = /^([A-Z]+)(\d+)$/.exec(a)!;
          return { col: m[1].split("").reduce((s, ch) => s * 26 + ch.charCodeAt(0) - 64, 0) - 1, row: Number(m[2]) };
        };
        const a = at(start);
        const b = at(end);
        // one value for the whole range (as Excel takes it): every cell of the range gets it
        if (!Array.isArray(v)) {
          for (let r = a.row; r <= b.row; r++) for (let c = a.col; c <= b.col; c++) cells.set(`${letters(c)}${r}`, as(v, r));
          return;
        }
        if (v.length !== b.row - a.row + 1 || v.some((row) => (row as unknown[]).length !== b.col - a.col + 1)) throw new Error(`${v.length} rows of values for ${address}`);
        v.forEach((row, i) => (row as unknown[]).forEach((x, j) => cells.set(`${letters(a.col + j)}${a.row + i}`, as(x, a.row + i))));
      };
      const r = {
        set formulas(v: unknown[][] | string) {
          fake.op("formulas", v);
          write(v, (x) => x);
        },
        set formulasR1C1(v: unknown[][] | string) {
          fake.op("formulasR1C1", v);
          // kept as Excel shows it through `formulas`: A1
          write(v, (x, row) => (typeof x === "string" && x.startsWith("=") ? r1c1ToA1(x, row) : x));
        },
        set columnHidden(v: boolean) {
          fake.op("columnHidden", v);
        },
        set numberFormat(v: unknown[][] | string) {
          fake.op("numberFormat", v);
          if (!Array.isArray(v)) fake.scalarFormats++;
        },
        format: {
          font: { set bold(_: boolean) { fake.op("bold"); } },
          fill: { set color(_: string) { fake.op("fill"); } },
          set wrapText(_: boolean) { fake.op("wrap"); },
          set columnWidth(_: number) { fake.op("width"); },
          set rowHeight(_: number) { fake.op("height"); },
          protection: { set locked(_: boolean) { fake.op("locked", address); } },
        },
        dataValidation: {
          set rule(v: unknown) {
            fake.op("validation", v);
            fake.validations.push({ sheet: name, address, rule: v, prompt: null });
          },
          set prompt(v: unknown) {
            fake.op("prompt", v);
            fake.validations[fake.validations.length - 1].prompt = v;
          },
          set errorAlert(v: unknown) {
            fake.op("errorAlert", v);
          },
        },
        conditionalFormats: {
          add: () => {
            fake.op("conditional");
            return { custom: { rule: { formula: "" }, format: { fill: { color: "" } } }, dataBar: { lowerBoundRule: { type: "", formula: "" }, upperBoundRule: { type: "", formula: "" }, positiveFormat: { fillColor: "" } } };
          },
        },
      };
      return r as unknown as RangeApi;
    };
    return {
      name,
      getRange: range,
      tables: {
        add: (address: string) => {
          fake.op("table", address);
          const t = { _name: "", style: "" };
          return {
            set name(n: string) {
              fake.tableList.push(n);
              fake.tableSheet.set(n, name);
              t._name = n;
            },
            get name() {
              return t._name;
            },
            style: "",
          };
        },
      },
      freezePanes: { freezeAt: () => fake.op("freeze") },
      protection: { protect: () => (fake.op("protect"), fake.protectedSheets.add(name)) },
      charts: {
        add: () => {
          fake.op("chart");
          const chart = { sheet: name, at: null as string | null };
          fake.charts.push(chart);
          return { title: { text: "" }, setPosition: (from: string, to?: string) => (fake.op("chart position"), (chart.at = `${from}:${to}`)) };
        },
      },
      pageLayout: (() => {
        const layout: Record<string, unknown> = { headersFooters: { defaultForAllPages: {} } };
        fake.pageLayouts.set(name, layout);
        return Object.assign(layout, {
          setPrintTitleRows: (rows: string) => (layout.titleRows = rows),
          setPrintTitleColumns: (columns: string) => (layout.titleColumns = columns),
        });
      })(),
      horizontalPageBreaks: { add: (at: string) => (fake.op("page-break"), fake.pageBreaks.set(name, [...(fake.pageBreaks.get(name) ?? []), at])) },
      delete: () => {
        // deleting a sheet deletes its tables, as in Excel
        fake.sheetNames = fake.sheetNames.filter((s) => s !== name);
        fake.tableList = fake.tableList.filter((t) => fake.tableSheet.get(t) !== name);
        fake.cells.delete(name);
      },
    } as unknown as SheetApi;
  }

  /** custom XML parts of the workbook, as XML text */
  customXml: string[] = [];

  workbook = {
    worksheets: {
      load: () => undefined,
      get items() {
        return fakeSelf(this).sheetNames.map((name) => ({ name }));
      },
      add: (name: string) => {
        this.op("addSheet", name);
        if (this.sheetNames.some((s) => s.toLowerCase() === name.toLowerCase())) throw new Error(`sheet ${name} exists`);
        this.sheetNames.push(name);
        this.cells.set(name, new Map());
        return this.sheet(name);
      },
      getItem: (name: string) => this.sheet(name),
    },
    names: {
      load: () => undefined,
      get items() {
        return fakeSelf(this).nameList.map((name) => ({ name }));
      },
      add: (name: string, ref: string) => {
        this.op("addName", [name, ref]);
        this.nameList.push(name);
      },
      getItem: (name: string) => ({ delete: () => (this.nameList = this.nameList.filter((n) => n !== name)) }),
    },
    tables: {
      load: () => undefined,
      get items() {
        return fakeSelf(this).tableList.map((name) => ({ name }));
      },
    },
    application: { suspendApiCalculationUntilNextSync: () => void this.calculationSuspended++ },
    customXmlParts: fakeCustomXmlParts(this.customXml),
  };
}

/**
 * Custom XML parts kept in `store` (XML texts, oldest first), with the calls the pane makes:
 * add, getByNamespace(ns).items (loaded), an item's getXml() and delete().
 */
export function fakeCustomXmlParts(store: string[]) {
  const inNamespace = (ns: string) => store.filter((xml) => xml.includes(`xmlns="${ns}"`));
  return {
    add: (xml: string) => void store.push(xml),
    getByNamespace: (ns: string) => ({
      load: () => undefined,
      get items() {
        return inNamespace(ns).map((xml) => ({
          getXml: () => ({ value: xml }),
          delete: () => void store.splice(store.indexOf(xml), 1),
        }));
      },
    }),
  };
}

// the collection getters above need the FakeExcel they belong to
const owners = new WeakMap<object, FakeExcel>();
function fakeSelf(collection: object): FakeExcel {
  return owners.get(collection)!;
}
export function fakeExcel(initial: Partial<FakeState> = {}): FakeExcel {
  const f = new FakeExcel(initial);
  owners.set(f.workbook.worksheets, f);
  owners.set(f.workbook.names, f);
  owners.set(f.workbook.tables, f);
  return f;
}

function letters(col: number): string {
  let c = col + 1;
  let out = "";
  while (c > 0) {
    const rem = (c - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    c = Math.floor((c - 1) / 26);
  }
  return out;
}

/** R1C1 references as A1, outside strings and quoted sheet names, as Excel converts them. */
export function r1c1ToA1(formula: string, row: number): string {
  return formula.replace(/("(?:[^"]|"")*"|'(?:[^']|'')*')|R(\d*)C(\d+)/g, (all, quoted: string | undefined, r: string, c: string) =>
    quoted !== undefined ? quoted : `$${letters(Number(c) - 1)}${r === "" ? row : `$${r}`}`,
  );
}
