// Custom functions: 10,000 rows scored one cell at a time versus one spilled call per column.
// Measures the add-in's own work (coercion, pipeline, core); Excel's cost per custom-function
// call comes on top of each of the 10,000 single calls, which is why the spilled form exists.
import { runFunction } from "../lib/functions/run.js";
import { SCORE, GRADE, BONUS } from "../lib/functions/specs/index.js";

const rows = Number(process.argv[2] ?? 10000);
let seed = 7;
const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
const actual = Array.from({ length: rows }, () => [0.2 + rand() * 0.6]);
const base = Array.from({ length: rows }, () => [1500 + Math.round(rand() * 1500)]);
const bands = [["优秀", 90, 1.2], ["良好", 80, 1], ["合格", 70, 0.8], ["不合格", 0, 0.5]];

function time(label, f) {
  f(); // warm up
  const t0 = performance.now();
  const calls = f();
  const ms = performance.now() - t0;
  return { label, calls, ms };
}

const results = [
  time("SCORE per cell", () => {
    for (let i = 0; i < rows; i++) runFunction(SCORE, [actual[i][0], 0.45, 30]);
    return rows;
  }),
  time("SCORE spilled", () => (runFunction(SCORE, [actual, 0.45, 30]), 1)),
  time("GRADE per cell", () => {
    for (let i = 0; i < rows; i++) runFunction(GRADE, [actual[i][0] * 150, bands]);
    return rows;
  }),
  time("GRADE spilled", () => (runFunction(GRADE, [actual.map((r) => [r[0] * 150]), bands]), 1)),
  time("BONUS per cell", () => {
    for (let i = 0; i < rows; i++) runFunction(BONUS, [base[i][0], actual[i][0] * 150, "coefficient", bands]);
    return rows;
  }),
  time("BONUS spilled", () => (runFunction(BONUS, [base, actual.map((r) => [r[0] * 150]), "coefficient", bands]), 1)),
];
console.log(JSON.stringify({ rows, results }));
