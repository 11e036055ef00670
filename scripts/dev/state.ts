/**
 * What `npm start` left running or registered, so that `npm stop` ends and removes exactly that.
 * KPI_DEV_STATE_DIR moves the file (the tests use their own, never the developer's).
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Registration } from "./desktop-excel.js";

export interface DevState {
  /** the dev server's process id */
  pid: number;
  url: string;
  registration?: Registration;
  /** folder holding the sideload workbook */
  workbookDir?: string;
}

export function stateFile(root: string): string {
  return join(process.env.KPI_DEV_STATE_DIR || join(root, "node_modules", ".cache"), "kpi-scorecard-dev.json");
}

export function readState(file: string): DevState | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, "utf8")) as DevState;
  } catch {
    return undefined;
  }
}

export function writeState(file: string, state: DevState): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(state, null, 2));
}

export function clearState(file: string): void {
  rmSync(file, { force: true });
}

export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
