/**
 * The formula helper: pick a KPI.* function, fill each argument from the scheme's columns and
 * named settings (or type it, or pick the option word), and get the formula — copied as text
 * anywhere; inside Excel also previewed for the selected row and inserted into the selected
 * cells or down the column. The formula logic is state/formula-helper.ts; this is the form.
 */
import { Body1, Button, Caption1, Field, Input, makeStyles, MessageBar, MessageBarBody, Select, Text, Textarea, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { Scheme } from "../../core/scheme/schema.js";
import { OPTION_SETS, type OptionWord } from "../../core/option-words.js";
import { errorText } from "../../io/error-text.js";
import { functionDoc } from "../../functions/reference.js";
import type { Cell, Matrix } from "../../functions/coerce.js";
import { buildFormula, HELPER_FUNCTIONS, helperParams, helperSources, paramHelp, previewRefs, previewResult, type ArgValue } from "../state/formula-helper.js";
import { useT } from "./i18n.js";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, marginBottom: tokens.spacingVerticalL, minWidth: 0 },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", minWidth: 0 },
  // a setting's label can be long: the list takes the pane's width, never more
  select: { width: "100%", maxWidth: "100%", minWidth: 0 },
  formula: { fontFamily: tokens.fontFamilyMonospace },
});

export interface FormulaHelperProps {
  scheme: Scheme | null;
  /** inside Excel: the active cell (1-based row, 0-based column) */
  selectedCell?: () => Promise<{ row: number; col: number; address: string }>;
  /** inside Excel: the values of references (A1 on the active sheet, or defined names) */
  readRefs?: (refs: string[]) => Promise<Map<string, Cell | Matrix>>;
  /** inside Excel: the formula (R1C1, relative to each cell) into the selected cells or down the column; says where */
  insertFormula?: (r1c1: (at: { row: number; col: number }) => string, where: "selection" | "column") => Promise<string>;
}

type Source = "typed" | `col:${number}` | `name:${string}` | `opt:${string}` | "default";

export function FormulaHelper({ scheme, selectedCell, readRefs, insertFormula }: FormulaHelperProps) {
  const { t, lang } = useT();
  const styles = useStyles();
  const [id, setId] = useState<string>("SCORE");
  const [sources, setSources] = useState<Record<string, Source>>({});
  const [typedText, setTyped] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const src = useMemo(() => helperSources(scheme, lang), [scheme, lang]);
  const params = helperParams(id);
  const doc = functionDoc(id);

  const args: Record<string, ArgValue> = {};
  for (const p of params) {
    const s = sources[p.name] ?? (doc.options?.[p.name] ? "default" : "typed");
    const set = doc.options?.[p.name];
    if (s === "typed") args[p.name] = (typedText[p.name] ?? "").trim() === "" ? { kind: "blank" } : { kind: "text", text: typedText[p.name] };
    else if (s.startsWith("col:")) {
      const col = Number(s.slice(4));
      args[p.name] = { kind: "column", col, label: src.columns.find((c) => c.col === col)?.label ?? "" };
    } else if (s.startsWith("name:")) args[p.name] = { kind: "name", name: s.slice(5), label: "" };
    else if (s.startsWith("opt:") && set) args[p.name] = { kind: "option", set, value: s.slice(4) };
    else args[p.name] = { kind: "blank" };
  }
  const built = buildFormula(id, args, lang, src.firstRow);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(built.a1);
      setStatus({ text: t("ui.helper.copied"), error: false });
    } catch {
      setStatus({ text: t("ui.helper.copy-failed"), error: true });
    }
  };
  const preview = async () => {
    if (!selectedCell || !readRefs) return;
    try {
      const at = await selectedCell();
      const values = await readRefs(previewRefs(args, at.row));
      const r = previewResult(id, args, at.row, values, lang);
      setStatus({ text: t("ui.helper.preview-result", { cell: at.address, value: r.value }), error: r.error });
    } catch (e) {
      setStatus({ text: errorText(e, lang), error: true });
    }
  };
  const insert = async (where: "selection" | "column") => {
    if (!insertFormula) return;
    try {
      const address = await insertFormula(built.r1c1, where);
      setStatus({ text: t("ui.helper.inserted", { address }), error: false });
    } catch (e) {
      setStatus({ text: errorText(e, lang), error: true });
    }
  };

  return (
    <section className={styles.panel} aria-labelledby="helper-title" data-testid="formula-helper">
      <Text as="h2" block id="helper-title" size={400} weight="semibold">
        {t("ui.helper.title")}
      </Text>
      <Body1>{t(scheme ? "ui.helper.hint" : "ui.helper.hint-no-scheme")}</Body1>
      <Field label={t("ui.helper.function")}>
        <Select
          className={styles.select}
          value={id}
          onChange={(_, d) => {
            setId(d.value);
            setSources({});
            setTyped({});
            setStatus(null);
          }}
          data-testid="helper-function"
        >
          {HELPER_FUNCTIONS.map((f) => (
            <option key={f} value={f}>
              KPI.{f}
            </option>
          ))}
        </Select>
      </Field>
      <Caption1>{doc.summary[lang]}</Caption1>
      {params.map((p) => {
        const help = paramHelp(id, p.name, lang);
        const source = sources[p.name] ?? (help.set ? "default" : "typed");
        const label = `${help.name}${p.optional ? ` (${t("help.optional")})` : ""}`;
        return (
          <Field key={`${id}.${p.name}`} label={label} hint={help.text}>
            <div className={styles.row}>
              <Select className={styles.select} value={source} onChange={(_, d) => setSources((s) => ({ ...s, [p.name]: d.value as Source }))} aria-label={label} data-testid={`helper-source-${p.name}`}>
                {help.set ? (
                  <>
                    <option value="default">{t("ui.helper.default")}</option>
                    {(OPTION_SETS[help.set] as readonly OptionWord[]).map((w) => (
                      <option key={w.value} value={`opt:${w.value}`}>
                        {w.label[lang]}
                      </option>
                    ))}
                  </>
                ) : (
                  <>
                    <option value="typed">{t("ui.helper.typed")}</option>
                    {src.columns.length > 0 && (
                      <optgroup label={t("ui.helper.columns")}>
                        {src.columns.map((c) => (
                          <option key={c.col} value={`col:${c.col}`}>
                            {c.label}
                          </option>
                        ))}
                      </optgroup>
                    )}
                    {src.settings.length > 0 && (
                      <optgroup label={t("ui.helper.settings")}>
                        {src.settings.map((s) => (
                          <option key={s.name} value={`name:${s.name}`}>
                            {s.label}
                          </option>
                        ))}
                      </optgroup>
                    )}
                  </>
                )}
              </Select>
              {source === "typed" && <Input value={typedText[p.name] ?? ""} onChange={(_, d) => setTyped((x) => ({ ...x, [p.name]: d.value }))} aria-label={t("ui.helper.value-of", { name: help.name })} data-testid={`helper-value-${p.name}`} />}
            </div>
          </Field>
        );
      })}
      <Field label={t("ui.helper.formula")}>
        <Textarea className={styles.formula} value={built.a1} readOnly rows={3} resize="vertical" data-testid="helper-formula" />
      </Field>
      {built.missing.length > 0 && <Body1 data-testid="helper-missing">{t("ui.helper.missing", { names: built.missing.join(lang === "zh-CN" ? "、" : ", ") })}</Body1>}
      <div className={styles.row}>
        <Button onClick={() => void copy()} data-testid="helper-copy">
          {t("ui.helper.copy")}
        </Button>
        {selectedCell && readRefs && (
          <Button onClick={() => void preview()} disabled={built.missing.length > 0} data-testid="helper-preview">
            {t("ui.helper.preview")}
          </Button>
        )}
        {insertFormula && (
          <>
            <Button appearance="primary" onClick={() => void insert("selection")} disabled={built.missing.length > 0} data-testid="helper-insert">
              {t("ui.helper.insert")}
            </Button>
            <Button onClick={() => void insert("column")} disabled={built.missing.length > 0} data-testid="helper-fill">
              {t("ui.helper.fill")}
            </Button>
          </>
        )}
      </div>
      {status && (
        <MessageBar intent={status.error ? "error" : "success"} role="status">
          <MessageBarBody data-testid="helper-status">{status.text}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
