/** The columns of a sheet, by key, with their headers and formats; finds a column's letter. */
import { columnLetter } from "./a1.js";

export interface Column {
  key: string;
  header: string;
  format?: string;
  width?: number;
}

export class Columns {
  readonly list: Column[] = [];
  private readonly index = new Map<string, number>();

  add(c: Column): void {
    if (this.index.has(c.key)) throw new Error(`column ${c.key} twice`);
    this.index.set(c.key, this.list.length);
    this.list.push(c);
  }

  has(key: string): boolean {
    return this.index.has(key);
  }

  at(key: string): number {
    const i = this.index.get(key);
    if (i === undefined) throw new Error(`no column ${key}`);
    return i;
  }

  letter(key: string): string {
    return columnLetter(this.at(key));
  }
}
