/** Step 3: grade bands (labels in both languages, lower bounds, coefficients), the money unit, and a preview. */
import { Body1, Card, Field, Input, makeStyles, Select, Text, tokens } from "@fluentui/react-components";
import { formatMoney, type MoneyDigits } from "../../core/money.js";
import { previewPerson } from "../state/select.js";
import type { WizardEvent, WizardState } from "../state/wizard.js";
import { useT } from "./i18n.js";
import { NumberInput } from "./NumberInput.js";

const useStyles = makeStyles({
  grade: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "flex-end", "& > *": { flex: "1 1 120px" } },
  preview: { marginTop: tokens.spacingVerticalM },
});

export function GradesStep({ state, dispatch }: { state: WizardState; dispatch: (e: WizardEvent) => void }) {
  const { t, lang } = useT();
  const styles = useStyles();
  const d = state.draft!;
  const preview = previewPerson(d);
  const digits = d.money.digits as MoneyDigits;
  return (
    <section aria-labelledby="grades-title">
      <Text as="h2" id="grades-title" size={500} weight="semibold">
        {t("ui.grades.title")}
      </Text>
      {d.grades.length === 0 && <Body1 as="p">{t("ui.grades.none")}</Body1>}
      {d.grades.map((g, i) => (
        <div key={g.id} className={styles.grade} data-grade={g.id}>
          <Field label={t("ui.grades.label-zh")} size="small">
            <Input value={g.label["zh-CN"]} onChange={(_, v) => dispatch({ type: "grade", index: i, label: { ...g.label, "zh-CN": v.value } })} />
          </Field>
          <Field label={t("ui.grades.label-en")} size="small">
            <Input value={g.label["en-US"]} onChange={(_, v) => dispatch({ type: "grade", index: i, label: { ...g.label, "en-US": v.value } })} />
          </Field>
          {typeof g.min === "number" ? (
            <NumberInput label={t("ui.grades.min")} value={g.min} onChange={(v) => dispatch({ type: "grade", index: i, min: v })} />
          ) : (
            <Body1>{t("ui.grades.from-param", { param: g.min.param })}</Body1>
          )}
          {typeof g.coefficient === "number" ? (
            <NumberInput label={t("ui.grades.coefficient")} value={g.coefficient} onChange={(v) => dispatch({ type: "grade", index: i, coefficient: v })} />
          ) : (
            <span />
          )}
        </div>
      ))}
      <Field label={t("ui.grades.unit")} hint={t("ui.grades.unit-hint")} style={{ marginTop: tokens.spacingVerticalM }}>
        <Select value={String(digits)} onChange={(_, v) => dispatch({ type: "money-digits", digits: Number(v.value) as 0 | 1 | 2 })}>
          <option value="2">{t("ui.grades.unit-fen")}</option>
          <option value="1">{t("ui.grades.unit-jiao")}</option>
          <option value="0">{t("ui.grades.unit-yuan")}</option>
        </Select>
      </Field>
      <Card className={styles.preview} data-testid="preview">
        <Text weight="semibold">{t("ui.preview.title")}</Text>
        {preview ? (
          <Body1>
            {t("ui.preview.person", {
              total: preview.total,
              grade: d.grades.find((g) => g.id === preview.grade)?.label[lang] ?? "—",
              pay: formatMoney(preview.payTotal, digits),
            })}
          </Body1>
        ) : (
          <Body1>{t("ui.preview.unavailable")}</Body1>
        )}
      </Card>
    </section>
  );
}
