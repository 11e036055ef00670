/** Step 3: grade bands (labels in both languages, lower bounds, coefficients), the money unit, and a preview. */
import { Body1, Caption1, Card, Field, Input, makeStyles, Select, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens } from "@fluentui/react-components";
import { formatMoney, type MoneyDigits } from "../../core/money.js";
import { previewPeople } from "../state/select.js";
import type { WizardEvent, WizardState } from "../state/wizard.js";
import { useT } from "./i18n.js";
import { NumberInput } from "./NumberInput.js";

const useStyles = makeStyles({
  // fixed columns that share the pane's width: four fields fit 320 px
  table: { tableLayout: "fixed", width: "100%" },
  numberColumn: { width: "4.5em" },
  cell: { paddingLeft: "2px", paddingRight: "2px", minWidth: 0 },
  input: { width: "100%", minWidth: 0 },
  // the label boxes are narrow at 320 px: the text gets the room the padding took
  inner: { paddingLeft: "2px", paddingRight: "2px" },
  preview: { marginTop: tokens.spacingVerticalM },
  samples: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

export function GradesStep({ state, dispatch }: { state: WizardState; dispatch: (e: WizardEvent) => void }) {
  const { t, lang } = useT();
  const styles = useStyles();
  const d = state.draft!;
  const preview = previewPeople(d);
  // a bound or coefficient the scheme takes from a parameter (a pool's grade coefficients) is
  // edited here, beside its grade, as that parameter
  const setting = (value: unknown, label: string, testId: string, onNumber: (v: number) => void) => {
    if (typeof value === "number") return <NumberInput labelHidden label={label} value={value} testId={testId} onChange={onNumber} />;
    const id = typeof value === "object" && value !== null && "param" in value ? String((value as { param: unknown }).param) : null;
    const param = id === null ? undefined : d.parameters.find((p) => p.id === id);
    if (!param) return <Caption1>—</Caption1>;
    return <NumberInput labelHidden label={`${label} (${param.name[lang]})`} value={param.value} testId={testId} onChange={(v) => dispatch({ type: "param", id: param.id, value: v })} />;
  };
  const pooled = d.pay.some((l) => l.rule.kind === "pool");
  const digits = d.money.digits as MoneyDigits;
  return (
    <section aria-labelledby="grades-title">
      <Text as="h2" block id="grades-title" size={500} weight="semibold">
        {t("ui.grades.title")}
      </Text>
      {d.grades.length === 0 && <Body1 as="p">{t("ui.grades.none")}</Body1>}
      {d.grades.length > 0 && (
        // one row per grade: its labels, from which total it starts, its coefficient
        <Table size="extra-small" className={styles.table} aria-label={t("ui.grades.table")} data-testid="grades-table">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t("ui.grades.label-zh")}</TableHeaderCell>
              <TableHeaderCell>{t("ui.grades.label-en")}</TableHeaderCell>
              <TableHeaderCell className={styles.numberColumn}>{t("ui.grades.min")}</TableHeaderCell>
              <TableHeaderCell className={styles.numberColumn}>{t("ui.grades.coefficient")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {d.grades.map((g, i) => {
              const name = g.label[lang];
              return (
                <TableRow key={g.id} data-grade={g.id}>
                  <TableCell className={styles.cell}>
                    <Input size="small" className={styles.input} input={{ className: styles.inner }} aria-label={`${name} · ${t("ui.grades.label-zh")}`} value={g.label["zh-CN"]} onChange={(_, v) => dispatch({ type: "grade", index: i, label: { ...g.label, "zh-CN": v.value } })} />
                  </TableCell>
                  <TableCell className={styles.cell}>
                    <Input size="small" className={styles.input} input={{ className: styles.inner }} aria-label={`${name} · ${t("ui.grades.label-en")}`} value={g.label["en-US"]} onChange={(_, v) => dispatch({ type: "grade", index: i, label: { ...g.label, "en-US": v.value } })} />
                  </TableCell>
                  <TableCell className={styles.cell}>
                    {setting(g.min, `${name} · ${t("ui.grades.min")}`, `grade-min-${g.id}`, (v) => dispatch({ type: "grade", index: i, min: v }))}
                  </TableCell>
                  <TableCell className={styles.cell}>
                    {setting(g.coefficient, `${name} · ${t("ui.grades.coefficient")}`, `grade-coefficient-${g.id}`, (v) => dispatch({ type: "grade", index: i, coefficient: v }))}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
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
          <>
            <ul className={styles.samples}>
              {(["low", "middle", "high"] as const).map((k) => (
                <li key={k} data-testid={`preview-${k}`}>
                  <Body1>
                    {t(`ui.preview.${k}`)}
                    {t("ui.preview.person", {
                      total: preview[k].total,
                      grade: d.grades.find((g) => g.id === preview[k].grade)?.label[lang] ?? "—",
                      pay: formatMoney(preview[k].payTotal, digits),
                    })}
                  </Body1>
                </li>
              ))}
            </ul>
            <Caption1>{t(pooled ? "ui.preview.of-pool" : "ui.preview.of", { count: preview.of })}</Caption1>
          </>
        ) : (
          <Body1>{t("ui.preview.unavailable")}</Body1>
        )}
      </Card>
    </section>
  );
}
