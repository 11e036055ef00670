/**
 * A recalculation's outcome on screen: why nothing was recalculated, or the report — settings
 * edited, each changed pay line with why and the reason for its amount now, payout cells that
 * disagree with the engine (and the button that puts their formulas back), and how amounts round.
 */
import { Button, Caption1, makeStyles, MessageBar, MessageBarBody, tokens } from "@fluentui/react-components";
import { describeChange, describeMismatch, describeRowProblem, describeRounding, describeSetting, describeTotals, describeUnmoved } from "../../workbook/recalc-words.js";
import type { RecalcOutcome } from "../host/types.js";
import { useT } from "./i18n.js";

/** Changes listed in the pane; the rest are counted (the CLI's `recalc` lists them all). */
const SHOWN = 200;

const useStyles = makeStyles({
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
  return (
    <>
      {"failed" in o && (
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
      )}
      {"snapshot" in o && (
        <MessageBar intent={(o.calculated && (o.mismatches.length || o.rowProblems.length || o.people === 0)) || o.problems.length ? "warning" : "success"} role="status" data-testid="recalc-report">
          <MessageBarBody>
            <div>{t("ui.finance.summary", { people: o.people, changes: o.changes.length })}</div>
            {describeTotals(o, lang) && <div data-testid="recalc-totals">{describeTotals(o, lang)}</div>}
            {o.problems.length > 0 && <div>{t("ui.roster.problems", { count: o.problems.length })}</div>}
            {o.settingChanges.length > 0 && (
              <>
                <div>{t("ui.finance.settings")}</div>
                <ul className={styles.list}>
                  {o.settingChanges.map((s) => (
                    <li key={`s:${s.name}`}>{describeSetting(o, s, lang)}</li>
                  ))}
                </ul>
              </>
            )}
            <ul className={styles.list}>
              {o.changes.slice(0, SHOWN).map((c) => {
                const d = describeChange(o, c, lang);
                return (
                  <li key={`${c.id}:${c.line}`}>
                    {d.title}
                    {d.because && <Caption1 className={styles.detail}>{t("ui.finance.because", { because: d.because })}</Caption1>}
                    {d.reason && <Caption1 className={styles.detail}>{t("ui.finance.now", { reason: d.reason })}</Caption1>}
                  </li>
                );
              })}
              {o.calculated && o.rowProblems.map((p) => <li key={`r:${p.kind}:${p.id}:${p.row}`}>{describeRowProblem(p, lang)}</li>)}
              {o.calculated && o.mismatches.map((m) => <li key={`m:${m.id}:${m.line}`}>{describeMismatch(o, m, lang)}</li>)}
            </ul>
            {o.changes.length > SHOWN && <div>{t("ui.finance.more", { count: o.changes.length - SHOWN })}</div>}
            {o.unmoved.length > 0 && (
              <>
                <div>{t("ui.finance.unmoved")}</div>
                <ul className={styles.list} data-testid="recalc-unmoved">
                  {o.unmoved.slice(0, SHOWN).map((u) => (
                    <li key={`u:${u.id}`}>{describeUnmoved(o, u, lang)}</li>
                  ))}
                </ul>
              </>
            )}
            {restored !== undefined && <div>{t("ui.finance.restored", { count: restored })}</div>}
            {o.calculated && o.mismatches.length > 0 && onRestore && (
              <Button size="small" onClick={() => onRestore(o.mismatches)} disabled={busy} data-testid="restore-formulas">
                {t("ui.finance.restore", { count: o.mismatches.length })}
              </Button>
            )}
            {!o.baseline && <div>{t("cli.recalc.no-baseline")}</div>}
            {!o.calculated && <div>{t("ui.finance.not-calculated")}</div>}
            <Caption1 className={styles.detail}>{describeRounding(o, lang)}</Caption1>
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
