/**
 * The wizard: six steps over one reducer. Components get the state and a dispatch; the only
 * way out to Excel (or to a download) is the host's generate().
 */
import { errorText } from "../../io/error-text.js";
import { Button, FluentProvider, makeStyles, Select, Tab, TabList, Text, tokens, webLightTheme } from "@fluentui/react-components";
import { useEffect, useReducer, useState } from "react";
import { parseScheme } from "../../core/scheme/load.js";
import { needsPeriod } from "../../core/data.js";
import { monthJustEnded } from "../../core/periods/period.js";
import type { Scheme } from "../../core/scheme/schema.js";
import type { Lang } from "../../core/text.js";
import type { Host } from "../host/types.js";
import { confirmedDraft, parseRoster, schemeProblems, sheetNameClash, unreviewed } from "../state/select.js";
import { initialState, STEPS, wizardReducer, type Step } from "../state/wizard.js";
import { GradesStep } from "./GradesStep.js";
import { FinancePanel } from "./FinancePanel.js";
import { FormulaHelper } from "./FormulaHelper.js";
import { LangContext } from "./i18n.js";
import { IndicatorsStep } from "./IndicatorsStep.js";
import { OptionsStep, PERIOD_PATTERN } from "./OptionsStep.js";
import { ReviewStep } from "./ReviewStep.js";
import { RosterStep } from "./RosterStep.js";
import { SchemeStep } from "./SchemeStep.js";
import { StepNav } from "./StepNav.js";
import { t as translate } from "../../i18n/index.js";
import { schemeProblemText } from "../../io/scheme-problem-text.js";
import { sheetNameProblem } from "../../workbook/plan/names.js";

const useStyles = makeStyles({
  root: { padding: tokens.spacingHorizontalM, maxWidth: "900px", minWidth: "288px", boxSizing: "border-box" },
  header: { display: "flex", justifyContent: "space-between", alignItems: "center", gap: tokens.spacingHorizontalS, marginBottom: tokens.spacingVerticalS },
  footer: { display: "flex", justifyContent: "space-between", marginTop: tokens.spacingVerticalL },
  views: { marginBottom: tokens.spacingVerticalM, flexWrap: "wrap" },
});

export function App({ host }: { host: Host }) {
  const [state, dispatch] = useReducer(wizardReducer, undefined, () => initialState(host.lang, monthJustEnded(new Date())));
  const styles = useStyles();
  // the scheme kept from last time (in this workbook, or this browser), offered on step 1
  const [saved, setSaved] = useState<Scheme | null>(null);
  useEffect(() => {
    void host.savedScheme().then((raw) => {
      const r = raw ? parseScheme(raw) : null;
      if (r?.ok) setSaved(r.scheme);
    });
  }, [host]);
  const exportScheme = () => {
    if (!state.draft) return;
    host.offerFile(new TextEncoder().encode(JSON.stringify(state.draft, null, 2) + "\n"), `${state.draft.id}.json`, "application/json");
  };
  const t = (key: string, vars?: Record<string, string | number>) => translate(state.lang, key, vars);
  const problems = schemeProblems(state.draft, state.lang);
  const reachable = (s: Step) => s === "scheme" || (state.draft !== null && (STEPS.indexOf(s) <= 1 || problems.length === 0));
  const index = STEPS.indexOf(state.step);
  const roster = state.draft ? parseRoster(state.draft, state.roster.text, { lang: state.lang, keepExtra: state.roster.keepExtra, source: state.roster.source }) : { people: [], problems: [] };
  const blockers = [
    ...problems.map((p) => schemeProblemText(p, state.draft, state.lang)),
    ...unreviewed(state).map((id) => t("ui.blocker.review", { name: state.draft?.parameters.find((p) => p.id === id)?.name[state.lang] ?? id })),
    ...(roster.problems.length ? [t("ui.blocker.roster", { count: roster.problems.length })] : []),
    ...(state.options.period && !PERIOD_PATTERN.test(state.options.period) ? [t("period.invalid", { value: state.options.period })] : []),
    ...(state.draft && needsPeriod(state.draft) && !state.options.period ? [t("ui.blocker.period")] : []),
    ...[state.options.evaluationName, state.options.payoutName].flatMap((n) => {
      const problem = n === "" ? null : sheetNameProblem(n);
      return problem ? [`${n}: ${t(problem)}`] : [];
    }),
    ...(sheetNameClash(state) !== null ? [t("wb.sheet-name.twice", { name: sheetNameClash(state)! })] : []),
  ];
  const request = () => ({
    scheme: confirmedDraft(state)!,
    people: roster.people.map((p) => ({ id: p.id, name: p.name, period: null, values: p.values })),
    lang: state.lang,
    mode: state.options.formulas,
    period: state.options.period,
    protect: state.options.protect,
    sheetNames: {
      ...(state.options.evaluationName ? { evaluation: state.options.evaluationName } : {}),
      ...(state.options.payoutName ? { payout: state.options.payoutName } : {}),
    },
  });
  const [payslips, setPayslips] = useState<string | null>(null);
  const [view, setView] = useState<"generate" | "finance" | "helper">("generate");
  // each step (and each tab) starts at its top: the pane's scroll position is not carried over
  useEffect(() => {
    const page = globalThis.document?.scrollingElement;
    if (page && typeof page.scrollTo === "function") page.scrollTo({ top: 0 });
  }, [state.step, view]);
  const downloadPayslips = async () => {
    try {
      const r = await host.payslips!(request());
      setPayslips("failed" in r ? r.failed : t("ui.review.payslips-ready", { file: r.fileName }));
    } catch (e) {
      setPayslips(errorText(e, state.lang));
    }
  };
  const generate = async () => {
    if (!state.draft) return;
    dispatch({ type: "generate-start" });
    try {
      const result = await host.generate(request(), (progress) => dispatch({ type: "generate-progress", progress }));
      dispatch({ type: "generate-done", result });
    } catch (e) {
      dispatch({ type: "generate-failed", message: errorText(e, state.lang) });
    }
  };
  const body = (() => {
    switch (state.step) {
      case "scheme":
        return <SchemeStep state={state} dispatch={dispatch} saved={saved} />;
      case "indicators":
        return <IndicatorsStep state={state} dispatch={dispatch} />;
      case "grades":
        return <GradesStep state={state} dispatch={dispatch} />;
      case "roster":
        return <RosterStep state={state} dispatch={dispatch} readSelection={host.readSelection} />;
      case "options":
        return <OptionsStep state={state} dispatch={dispatch} />;
      case "review":
        return (
          <ReviewStep state={state} people={roster.people.length} standalone={host.kind === "standalone"} blockers={blockers} onGenerate={() => void generate()} onExport={exportScheme} onShowSheet={host.showSheet ? (name) => void host.showSheet!(name) : undefined} onPayslips={host.payslips ? () => void downloadPayslips() : undefined} payslipsMessage={payslips} />
        );
    }
  })();
  const next = STEPS[index + 1];
  // two jobs, chosen on the first screen: building the evaluation (the wizard) and finance's recalculation
  const hasFinance = Boolean(host.recalculate || host.recalculateFile);
  const finance = (
    <FinancePanel recalculate={host.recalculate} recalculateFile={host.recalculateFile} restorePayoutFormulas={host.restorePayoutFormulas} exportReport={host.exportReport} inWorkbook={host.kind === "office"} />
  );
  return (
    <FluentProvider theme={webLightTheme} lang={state.lang}>
      <LangContext.Provider value={state.lang}>
        <main className={styles.root}>
          <header className={styles.header}>
            <Text as="h1" block size={600} weight="semibold">
              {t("ui.title")}
            </Text>
            <Select aria-label={t("ui.language")} value={state.lang} onChange={(_, v) => dispatch({ type: "lang", lang: v.value as Lang })} data-testid="lang">
              <option value="zh-CN">中文</option>
              <option value="en-US">English</option>
            </Select>
          </header>
          {host.kind === "standalone" && <Text size={200}>{t("ui.standalone")}</Text>}
          <TabList className={styles.views} selectedValue={view} onTabSelect={(_, d) => setView(d.value as "generate" | "finance" | "helper")} aria-label={t("ui.view.label")} data-testid="views">
            <Tab value="generate" data-testid="view-generate">
              {t("ui.view.generate")}
            </Tab>
            {hasFinance && (
              <Tab value="finance" data-testid="view-finance">
                {t("ui.view.finance")}
              </Tab>
            )}
            <Tab value="helper" data-testid="view-helper">
              {t("ui.view.helper")}
            </Tab>
          </TabList>
          {view === "helper" ? (
            <FormulaHelper scheme={state.draft} selectedCell={host.selectedCell} readRefs={host.readRefs} insertFormula={host.insertFormula} />
          ) : view === "finance" && hasFinance ? (
            finance
          ) : (
            <>
              <StepNav step={state.step} reachable={reachable} onGo={(s) => dispatch({ type: "go", step: s })} />
              {body}
              <footer className={styles.footer}>
                <Button disabled={index === 0} onClick={() => dispatch({ type: "go", step: STEPS[index - 1] })} data-testid="back">
                  {t("ui.back")}
                </Button>
                {next && (
                  <Button appearance="primary" disabled={!reachable(next)} onClick={() => dispatch({ type: "go", step: next })} data-testid="next">
                    {t("ui.next")}
                  </Button>
                )}
              </footer>
            </>
          )}
        </main>
      </LangContext.Provider>
    </FluentProvider>
  );
}
