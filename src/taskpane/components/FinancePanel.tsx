/**
 * Finance: recalculate the payouts of the workbook generated here (inside Excel), or of a
 * generated workbook file saved by Excel or LibreOffice (in a browser), and see what changed
 * since the last recalculation (or since generation) and why — the settings edited on the
 * scheme sheet, each person's inputs, total and grade before → after, and the engine's reason
 * for the amount now — and whether the payout sheet still shows what the engine computes.
 */
import { errorText } from "../../io/error-text.js";
import { Body1, Button, makeStyles, MessageBar, MessageBarBody, Spinner, Text, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { Lang } from "../../core/text.js";
import { RecalcReportView } from "./RecalcReportView.js";
import type { RecalcOutcome } from "../host/types.js";
import { useT } from "./i18n.js";
import { readFileBytes } from "./read-file.js";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, marginBottom: tokens.spacingVerticalL },
});

export interface FinancePanelProps {
  /** inside Excel: the workbook generated here */
  recalculate?: (lang?: Lang) => Promise<RecalcOutcome | null>;
  /** in a browser: a workbook file the user opens */
  recalculateFile?: (bytes: Uint8Array, fileName: string, lang: Lang) => Promise<RecalcOutcome>;
  /** inside Excel: put the pay formulas back into the cells typed over */
  restorePayoutFormulas?: (cells: ReadonlyArray<{ id: string; line: string }>) => Promise<number>;
}

export function FinancePanel({ recalculate, recalculateFile, restorePayoutFormulas }: FinancePanelProps) {
  const { t, lang } = useT();
  const styles = useStyles();
  const [state, setState] = useState<{ busy: boolean; outcome?: RecalcOutcome | null; restored?: number; error?: string }>({ busy: false });
  const run = async (work: () => Promise<RecalcOutcome | null>, restored?: number) => {
    setState({ busy: true });
    try {
      setState({ busy: false, outcome: await work(), restored });
    } catch (e) {
      setState({ busy: false, error: errorText(e, lang) });
    }
  };
  // put the formulas back, then recalculate: the new report shows what the sheet says now
  const restore = async (cells: ReadonlyArray<{ id: string; line: string }>) => {
    if (!restorePayoutFormulas || !recalculate) return;
    setState((s) => ({ ...s, busy: true }));
    try {
      const restored = await restorePayoutFormulas(cells);
      await run(() => recalculate(lang), restored);
    } catch (e) {
      setState({ busy: false, error: errorText(e, lang) });
    }
  };
  const onFile = (file: File | undefined) => {
    if (!file || !recalculateFile) return;
    void run(async () => recalculateFile(await readFileBytes(file), file.name, lang));
  };
  const o = state.outcome;
  return (
    <section className={styles.panel} aria-labelledby="finance-title">
      <Text as="h2" id="finance-title" size={400} weight="semibold">
        {t("ui.finance.title")}
      </Text>
      {recalculate && (
        <Button onClick={() => void run(() => recalculate(lang))} disabled={state.busy} data-testid="recalculate">
          {t("ui.finance.recalculate")}
        </Button>
      )}
      {recalculateFile && (
        <>
          <Body1>{t("ui.finance.file-hint")}</Body1>
          <input
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-label={t("ui.finance.file")}
            disabled={state.busy}
            onChange={(e) => onFile(e.target.files?.[0])}
            data-testid="recalculate-file"
          />
        </>
      )}
      {state.busy && <Spinner size="tiny" label={t("ui.finance.busy")} />}
      {state.error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{state.error}</MessageBarBody>
        </MessageBar>
      )}
      {o === null && <Body1>{t("ui.finance.nothing")}</Body1>}
      {o && <RecalcReportView outcome={o} restored={state.restored} onRestore={restorePayoutFormulas && recalculate ? (cells) => void restore(cells) : undefined} busy={state.busy} />}
    </section>
  );
}
