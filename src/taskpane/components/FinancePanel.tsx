/**
 * Finance: recalculate the payouts of the workbook generated here, and see what changed since
 * the last recalculation and whether the payout sheet still shows what the engine computes.
 */
import { Body1, Button, makeStyles, MessageBar, MessageBarBody, Spinner, Text, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { formatCents } from "../../core/money.js";
import type { RecalcReport } from "../../workbook/read-back.js";
import { useT } from "./i18n.js";

const useStyles = makeStyles({ panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, marginBottom: tokens.spacingVerticalL } });

export function FinancePanel({ recalculate }: { recalculate: () => Promise<RecalcReport | null> }) {
  const { t } = useT();
  const styles = useStyles();
  const [state, setState] = useState<{ busy: boolean; report?: RecalcReport | null; error?: string }>({ busy: false });
  const run = async () => {
    setState({ busy: true });
    try {
      setState({ busy: false, report: await recalculate() });
    } catch (e) {
      setState({ busy: false, error: (e as Error).message });
    }
  };
  const r = state.report;
  const money = (c: number | null) => (c === null ? "—" : formatCents(c));
  return (
    <section className={styles.panel} aria-labelledby="finance-title">
      <Text as="h2" id="finance-title" size={400} weight="semibold">
        {t("ui.finance.title")}
      </Text>
      <Button onClick={() => void run()} disabled={state.busy} data-testid="recalculate">
        {t("ui.finance.recalculate")}
      </Button>
      {state.busy && <Spinner size="tiny" label={t("ui.finance.busy")} />}
      {state.error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{state.error}</MessageBarBody>
        </MessageBar>
      )}
      {r === null && <Body1>{t("ui.finance.nothing")}</Body1>}
      {r && (
        <MessageBar intent={r.mismatches.length || r.problems.length ? "warning" : "success"} role="status" data-testid="recalc-report">
          <MessageBarBody>
            <div>{t("ui.finance.summary", { people: r.people, changes: r.changes.length })}</div>
            {r.problems.length > 0 && <div>{t("ui.roster.problems", { count: r.problems.length })}</div>}
            <ul>
              {r.changes.map((c) => (
                <li key={`${c.id}:${c.line}`}>{t("ui.finance.change", { id: c.id, name: c.name, line: c.line, before: money(c.before), after: money(c.after) })}</li>
              ))}
              {r.mismatches.map((m) => (
                <li key={`m:${m.id}:${m.line}`}>{t("ui.finance.mismatch", { id: m.id, line: m.line, sheet: money(m.sheet), engine: money(m.engine) })}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
