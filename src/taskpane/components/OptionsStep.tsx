/** Step 5: period, formula mode and protection. */
import { Field, Input, makeStyles, Radio, RadioGroup, Switch, Text, tokens } from "@fluentui/react-components";
import type { WizardEvent, WizardState } from "../state/wizard.js";
import { sheetNameProblem } from "../../workbook/plan/names.js";
import { useT } from "./i18n.js";
import { sheetNameClash } from "../state/select.js";

const useStyles = makeStyles({ stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM } });

export const PERIOD_PATTERN = /^\d{4}(-(0[1-9]|1[0-2]|Q[1-4]|H[12]))?$/;

export function OptionsStep({ state, dispatch }: { state: WizardState; dispatch: (e: WizardEvent) => void }) {
  const { t } = useT();
  const styles = useStyles();
  const badPeriod = state.options.period !== "" && !PERIOD_PATTERN.test(state.options.period);
  return (
    <section aria-labelledby="options-title" className={styles.stack}>
      <Text as="h2" block id="options-title" size={500} weight="semibold">
        {t("ui.options.title")}
      </Text>
      <Field label={t("ui.options.period")} hint={t("ui.options.period-hint")} validationMessage={badPeriod ? t("period.invalid", { value: state.options.period }) : undefined}>
        <Input value={state.options.period} onChange={(_, v) => dispatch({ type: "option", key: "period", value: v.value.trim() })} data-testid="period" />
      </Field>
      <Field label={t("ui.options.formulas")}>
        <RadioGroup value={state.options.formulas} onChange={(_, v) => dispatch({ type: "option", key: "formulas", value: v.value as "native" | "addin" })}>
          <Radio value="native" label={t("ui.options.native")} />
          <Radio value="addin" label={t("ui.options.addin")} />
        </RadioGroup>
      </Field>
      {(["evaluationName", "payoutName"] as const).map((key) => {
        const value = state.options[key];
        const clash = sheetNameClash(state);
        const problem = value === "" ? null : sheetNameProblem(value);
        const twice = problem === null && value !== "" && clash !== null && clash.toLocaleUpperCase() === value.toLocaleUpperCase();
        return (
          <Field key={key} label={t(`ui.options.${key}`)} hint={t("ui.options.name-hint")} validationMessage={problem ? t(problem) : twice ? t("wb.sheet-name.twice", { name: value }) : undefined}>
            <Input value={value} onChange={(_, v) => dispatch({ type: "option", key, value: v.value })} data-testid={key} />
          </Field>
        );
      })}
      <Switch checked={state.options.protect} label={t("ui.options.protect")} onChange={(_, v) => dispatch({ type: "option", key: "protect", value: v.checked })} />
    </section>
  );
}
