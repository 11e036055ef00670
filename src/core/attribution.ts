/**
 * Why a pay line changed between two runs, found out rather than guessed: the roster is
 * evaluated again from the earlier state with one group of changes at a time — everyone's
 * inputs, each setting on its own, the people who joined or left — and a group explains a change
 * when, applied alone, it moves that line. A line no group moves alone changed only through
 * their combination, and says so. Pure: the evaluations are handed in as snapshots.
 */
import { personCauses, type Cause, type PayoutChange, type PayoutSnapshot } from "./payout-changes.js";

export interface Attribution {
  /** this person's own inputs that changed, with the total and grade they led to (when the inputs moved the line) */
  inputs: Cause[];
  /** setting cells (by name) whose change alone moves the line */
  settings: string[];
  /** other people whose data changed, when their changes move this roster-wide line (pools, ranks) */
  others: string[];
  /** people who joined or left, when that alone moves the line */
  joined: string[];
  left: string[];
  /** the person is new, or no longer on the sheet */
  person: "joined" | "left" | null;
  /** no group alone moves the line: only the changes together */
  combined: boolean;
}

export interface AttributionRuns {
  /** the earlier state evaluated by the engine as it is now */
  base: PayoutSnapshot;
  /** everyone's input changes, nothing else */
  inputs: PayoutSnapshot;
  /** each changed setting alone, by cell name */
  settings: ReadonlyMap<string, PayoutSnapshot>;
  /** the people who joined or left, nothing else (null when nobody did) */
  roster: PayoutSnapshot | null;
}

const lineOf = (s: PayoutSnapshot, id: string, line: string): number | null => s.people[id]?.lines[line] ?? null;

/**
 * The causes of each change. `rosterWide` holds the pay lines that depend on other people (a
 * pool's share, a rank's pay, and "pay" when any line does): only there can others' changes count.
 */
export function attributeChanges(
  changes: readonly PayoutChange[],
  before: PayoutSnapshot,
  after: PayoutSnapshot,
  runs: AttributionRuns,
  rosterWide: ReadonlySet<string>,
): Attribution[] {
  const joined = Object.keys(after.people).filter((id) => !Object.hasOwn(before.people, id));
  const left = Object.keys(before.people).filter((id) => !Object.hasOwn(after.people, id));
  // whose data the input changes touched (with no other change made): the "others" of a pool or a rank
  const scored = Object.keys(runs.base.people).filter((id) => personCauses(runs.base.people[id], runs.inputs.people[id]).length > 0);
  return changes.map((c) => {
    const none: Attribution = { inputs: [], settings: [], others: [], joined: [], left: [], person: null, combined: false };
    if (!Object.hasOwn(before.people, c.id)) return { ...none, person: "joined" };
    if (!Object.hasOwn(after.people, c.id)) return { ...none, person: "left" };
    const was = lineOf(runs.base, c.id, c.line);
    const moves = (s: PayoutSnapshot) => lineOf(s, c.id, c.line) !== was;
    const own = personCauses(before.people[c.id], after.people[c.id]);
    const ownInputs = own.some((x) => x.kind === "input");
    const out: Attribution = { ...none };
    if (moves(runs.inputs)) {
      if (ownInputs) out.inputs = own;
      // a roster-wide line moves with others' scores too; a person's own line never does
      if (rosterWide.has(c.line) || !ownInputs) out.others = scored.filter((id) => id !== c.id);
    }
    for (const [name, run] of runs.settings) if (moves(run)) out.settings.push(name);
    if (runs.roster && moves(runs.roster)) {
      out.joined = joined;
      out.left = left;
    }
    out.combined = out.inputs.length + out.settings.length + out.others.length + out.joined.length + out.left.length === 0;
    // together only: every group that changed anything is named, so that no change is left without a cause
    if (out.combined) {
      out.inputs = own;
      out.settings = [...runs.settings.keys()];
      if (rosterWide.has(c.line)) out.others = scored.filter((id) => id !== c.id);
      if (runs.roster) {
        out.joined = joined;
        out.left = left;
      }
    }
    return out;
  });
}

/** People whose inputs changed while none of their pay did: listed apart, so that no edit goes unmentioned. */
export function unmovedInputs(changes: readonly PayoutChange[], before: PayoutSnapshot, after: PayoutSnapshot): { id: string; name: string; causes: Cause[] }[] {
  const moved = new Set(changes.map((c) => c.id));
  const out: { id: string; name: string; causes: Cause[] }[] = [];
  for (const id of Object.keys(after.people)) {
    if (moved.has(id) || !Object.hasOwn(before.people, id)) continue;
    const causes = personCauses(before.people[id], after.people[id]);
    if (causes.some((x) => x.kind === "input")) out.push({ id, name: after.people[id].name, causes });
  }
  return out;
}
