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
import { FileButton } from "./FileButton.js";
import type { Lang } from "../../core/text.js";
import { RecalcReportView } from "./RecalcReportView.js";
import type { RecalcDone, RecalcOutcome } from "../host/types.js";
import { useT } from "./i18n.js";
import { readFileBytes } from "./read-file.js";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, marginBottom: tokens.spacingVerticalL, minWidth: 0 },
});

export interface FinancePanelProps {
  /** inside Excel: the workbook generated here */
  recalculate?: (lang?: Lang) => Promise<RecalcOutcome | null>;
  /** in a browser: a workbook file the user opens */
  recalculateFile?: (bytes: Uint8Array, fileName: string, lang: Lang) => Promise<RecalcOutcome>;
  /** inside Excel: put the pay formulas back into the cells typed over */
  restorePayoutFormulas?: (cells: ReadonlyArray<{ id: string; line: string }>) => Promise<number>;
  /** the reconciliation report: a sheet added inside Excel, a download in a browser; says where it went */
  exportReport?: (outcome: RecalcDone, lang: Lang) => Promise<string>;
  /** inside Excel the report goes into the workbook, in a browser it is a file */
  inWorkbook?: boolean;
}

export function FinancePanel({ recalculate, recalculateFile, restorePayoutFormulas, exportReport, inWorkbook }: FinancePanelProps) {
  const { t, lang } = useT();
  const styles = useStyles();
  const [state, setState] = useState<{ busy: boolean; outcome?: RecalcOutcome | null; restored?: number; error?: string; exported?: string }>({ busy: false });
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
  const onFile = (file: File) => {
    if (!recalculateFile) return;
    void run(async () => recalculateFile(await readFileBytes(file), file.name, lang));
  };
  const onExport = async (done: RecalcDone) => {
    if (!exportReport) return;
    try {
      const exported = await exportReport(done, lang);
      setState((s) => ({ ...s, exported }));
    } catch (e) {
      setState((s) => ({ ...s, error: errorText(e, lang) }));
    }
  };
  const o = state.outcome;
  return (
    <section className={styles.panel} aria-labelledby="finance-title">
      <Text as="h2" block id="finance-title" size={400} weight="semibold">
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
          <FileButton
            label={t("ui.finance.file")}
            button={t("ui.finance.choose-file")}
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            disabled={state.busy}
            onFile={onFile}
            testId="recalculate-file"
            primary
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
      {o && !("failed" in o) && exportReport && (
        <Button onClick={() => void onExport(o)} disabled={state.busy} data-testid="export-report">
          {t(inWorkbook ? "ui.finance.export-sheet" : "ui.finance.export")}
        </Button>
      )}
      {state.exported && (
        <Text role="status" data-testid="report-exported">
          {state.exported}
        </Text>
      )}
    </section>
  );
}
