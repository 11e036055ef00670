/**
 * A recalculation's outcome on screen, in the order finance works: the conclusion in one line
 * (agrees to the unit / how many cells and rows differ / not comparable), then what must be acted
 * on — payout cells typed over or showing another amount, rows that match no one — with the button
 * that puts the formulas back, then the totals and settings edited, the table of changes (each
 * person once), inputs that moved no pay, and how amounts round. Or why nothing was recalculated.
 */
import { Button, Caption1, makeStyles, MessageBar, MessageBarBody, Text, tokens } from "@fluentui/react-components";
import { describeMismatch, describePeriods, describeRollupMismatch, describeRounding, describeRowProblem, describeSetting, describeTotals, describeUnmoved, describeVerdict } from "../../workbook/recalc-words.js";
import { recalcVerdict } from "../../workbook/recalc-verdict.js";
import type { RecalcOutcome } from "../host/types.js";
import { useT } from "./i18n.js";
import { RecalcChangesTable, SHOWN } from "./RecalcChangesTable.js";

const useStyles = makeStyles({
  report: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
  detail: { display: "block", color: tokens.colorNeutralForeground3 },
});

export interface RecalcReportViewProps {
  outcome: RecalcOutcome;
  /** cells whose formulas were just put back, when that is what led to this report */
  restored?: number;
  /** offered when payout cells disagree and the host can put their formulas back */
  onRestore?: (cells: ReadonlyArray<{ id: string; line: string }>) => void;
  busy: boolean;
}

export function RecalcReportView({ outcome: o, restored, onRestore, busy }: RecalcReportViewProps) {
  const { t, lang } = useT();
  const styles = useStyles();
  if ("failed" in o)
    return (
      <MessageBar intent="error" role="alert" data-testid="recalc-report">
        <MessageBarBody>
          <div>{t(o.failed === "settings" ? "ui.finance.scheme-problems" : "ui.finance.cannot")}</div>
          <ul className={styles.list}>
            {o.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </MessageBarBody>
      </MessageBar>
    );
  const verdict = recalcVerdict(o);
  const act = o.calculated && (o.mismatches.length > 0 || o.rowProblems.length > 0 || o.rollupMismatches.length > 0);
  const periods = describePeriods(o, lang);
  const totals = describeTotals(o, lang);
  return (
    <section className={styles.report} data-testid="recalc-report">
      <MessageBar intent={verdict.status === "agrees" ? "success" : verdict.status === "differs" ? "error" : "warning"} role="status" data-testid="recalc-verdict">
        <MessageBarBody>{describeVerdict(o, verdict, lang, o.manualCalc)}</MessageBarBody>
      </MessageBar>
      {restored !== undefined && <Text>{t("ui.finance.restored", { count: restored })}</Text>}
      {act && (
        <section aria-labelledby="recalc-act" data-testid="recalc-act">
          <Text as="h3" block id="recalc-act" weight="semibold">
            {t("ui.finance.act")}
          </Text>
          <ul className={styles.list}>
            {o.mismatches.map((m) => (
              <li key={`m:${m.id}:${m.line}`}>{describeMismatch(o, m, lang)}</li>
            ))}
            {o.rowProblems.map((p) => (
              <li key={`r:${p.kind}:${p.sheet}:${p.id}:${p.row}`}>{describeRowProblem(p, lang)}</li>
            ))}
            {o.rollupMismatches.map((m) => (
              <li key={`u:${m.id}:${m.period}:${m.what}`}>{describeRollupMismatch(m, lang)}</li>
            ))}
          </ul>
          {o.mismatches.length > 0 && onRestore && (
            <Button size="small" appearance="primary" onClick={() => onRestore(o.mismatches)} disabled={busy} data-testid="restore-formulas">
              {t("ui.finance.restore", { count: o.mismatches.length })}
            </Button>
          )}
        </section>
      )}
      <Text>{t("ui.finance.summary", { people: o.people, changes: o.changes.length })}</Text>
      {periods && <Text>{periods}</Text>}
      {totals && <Text data-testid="recalc-totals">{totals}</Text>}
      {!o.baseline && <Text>{t("cli.recalc.no-baseline")}</Text>}
      {o.problems.length > 0 && <Text>{t("ui.finance.data-problems", { count: o.problems.length })}</Text>}
      {o.settingChanges.length > 0 && (
        <div>
          <Text>{t("ui.finance.settings")}</Text>
          <ul className={styles.list}>
            {o.settingChanges.map((s) => (
              <li key={`s:${s.name}`}>{describeSetting(o, s, lang)}</li>
            ))}
          </ul>
        </div>
      )}
      <Text as="h3" block weight="semibold">
        {t("ui.finance.changes")}
      </Text>
      <RecalcChangesTable report={o} />
      {o.unmoved.length > 0 && (
        <div>
          <Text>{t("ui.finance.unmoved")}</Text>
          <ul className={styles.list} data-testid="recalc-unmoved">
            {o.unmoved.slice(0, SHOWN).map((u) => (
              <li key={`u:${u.id}`}>{describeUnmoved(o, u, lang)}</li>
            ))}
          </ul>
        </div>
      )}
      <Caption1 className={styles.detail}>{describeRounding(o, lang)}</Caption1>
    </section>
  );
}
