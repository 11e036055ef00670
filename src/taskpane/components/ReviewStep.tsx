/** Step 6: a summary, then generation with a progress bar and a result that names each sheet. */
import { PAYSLIP_LIMIT } from "../../workbook/plan/payslip-sheet.js";
import { moneyUnit } from "../../core/money.js";
import { Body1, Button, Link, makeStyles, MessageBar, MessageBarBody, ProgressBar, Text, tokens } from "@fluentui/react-components";
import type { WizardState } from "../state/wizard.js";
import { useT } from "./i18n.js";
import { builtInScheme } from "../../schemes/index.js";
import { schemeChanges } from "../state/scheme-changes.js";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
});

export function ReviewStep(props: {
  state: WizardState;
  people: number;
  standalone: boolean;
  onGenerate: () => void;
  onExport: () => void;
  blockers: string[];
  onShowSheet?: (name: string) => void;
  /** Standalone: the payslips (工资条) as a file of their own. */
  onPayslips?: () => void;
  payslipsMessage?: string | null;
}) {
  const { t, lang } = useT();
  const styles = useStyles();
  const { state } = props;
  const d = state.draft!;
  const g = state.generation;
  // the template this scheme came from (a saved or imported scheme: the built-in of the same id)
  const template = builtInScheme(state.source?.kind === "template" ? state.source.id : d.id);
  const changes = template ? schemeChanges(template, d, lang) : [];
  return (
    <section aria-labelledby="review-title" className={styles.stack}>
      <Text as="h2" block id="review-title" size={500} weight="semibold">
        {t("ui.review.title")}
      </Text>
      <Body1>{t("ui.review.summary", { scheme: d.name[lang], indicators: d.indicators.length, people: props.people, period: state.options.period || "—" })}</Body1>
      <Body1>{t(state.options.formulas === "native" ? "ui.options.native" : "ui.options.addin")}</Body1>
      <Body1>{t("wb.rounding", { digits: d.scoreDigits, unit: moneyUnit(d.money.digits) })}</Body1>
      {template && (
        <div data-testid="review-changes">
          <Body1>{t(changes.length ? "ui.review.changes" : "ui.review.no-changes", { name: template.name[lang] })}</Body1>
          {changes.length > 0 && (
            <ul className={styles.list}>
              {changes.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {props.blockers.length > 0 && (
        <MessageBar intent="warning" role="alert" data-testid="blockers">
          <MessageBarBody>
            <ul>
              {props.blockers.map((b) => (
                <li key={b}>{b}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      <Button appearance="primary" disabled={props.blockers.length > 0 || g.status === "running"} onClick={props.onGenerate} data-testid="generate">
        {t(props.standalone ? "ui.review.download" : "ui.review.generate")}
      </Button>
      {props.onPayslips && (
        <Button disabled={props.blockers.length > 0} onClick={props.onPayslips} data-testid="payslips">
          {t("ui.review.payslips")}
        </Button>
      )}
      {props.payslipsMessage && (
        <Body1 role="status" data-testid="payslips-message">
          {props.payslipsMessage}
        </Body1>
      )}
      <Button onClick={props.onExport} data-testid="export">
        {t("ui.review.export")}
      </Button>
      {g.status === "running" && <ProgressBar value={g.progress} aria-label={t("ui.review.progress")} />}
      {g.status === "done" && g.result && (
        <MessageBar intent="success" role="status" data-testid="result">
          <MessageBarBody>
            {g.result.fileName ? t("ui.review.downloaded", { file: g.result.fileName }) : t("ui.review.done")}
            <ul>
              {g.result.sheets.map((s) => (
                <li key={s}>
                  {props.onShowSheet ? (
                    <Link as="button" onClick={() => props.onShowSheet!(s)}>
                      {s}
                    </Link>
                  ) : (
                    s
                  )}
                </li>
              ))}
            </ul>
            {g.result.renamed.map((r) => (
              <div key={r.got}>{t("ui.review.renamed", { wanted: r.wanted, got: r.got })}</div>
            ))}
            {g.result.payslipsLeftOut !== undefined && <div>{t("wb.payslips.too-many", { count: g.result.payslipsLeftOut, max: PAYSLIP_LIMIT })}</div>}
          </MessageBarBody>
        </MessageBar>
      )}
      {g.status === "failed" && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{t("ui.review.failed", { message: g.message ?? "" })}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
