/** A labelled number field that reports only valid numbers, and says when the text is not one. */
import { Field, Input, makeStyles } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { parseNumber } from "../../core/data.js";
import { useT } from "./i18n.js";

// Fluent's Input keeps a minimum width of its own: inside a narrow box (the points column, a
// 320 px pane) it would spill over its neighbours — the ↑ button at 1280 px, the page at 350 px
const useStyles = makeStyles({ field: { minWidth: 0 }, input: { width: "100%", minWidth: 0, maxWidth: "100%" } });

export function NumberInput(props: {
  label: string;
  value: number | undefined;
  onChange: (v: number) => void;
  hint?: string;
  testId?: string;
  size?: "small" | "medium";
  /** in a table the column's header says what it is: the label is for screen readers only */
  labelHidden?: boolean;
}) {
  const { t } = useT();
  const styles = useStyles();
  const [text, setText] = useState(props.value === undefined ? "" : String(props.value));
  useEffect(() => setText(props.value === undefined ? "" : String(props.value)), [props.value]);
  const parsed = parseNumber(text);
  const invalid = text.trim() !== "" && parsed === null;
  return (
    <Field label={props.labelHidden ? undefined : props.label} hint={props.hint} validationMessage={invalid ? t("ui.not-a-number", { value: text }) : undefined} size={props.size ?? "small"} className={styles.field}>
      <Input
        className={styles.input}
        aria-label={props.labelHidden ? props.label : undefined}
        value={text}
        inputMode="decimal"
        data-testid={props.testId}
        onChange={(_, d) => {
          setText(d.value);
          const v = parseNumber(d.value);
          if (v !== null) props.onChange(v);
        }}
      />
    </Field>
  );
}
