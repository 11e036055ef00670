/** A labelled number field that reports only valid numbers, and says when the text is not one. */
import { Field, Input } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { parseNumber } from "../../core/data.js";
import { useT } from "./i18n.js";

export function NumberInput(props: { label: string; value: number | undefined; onChange: (v: number) => void; hint?: string; testId?: string; size?: "small" | "medium" }) {
  const { t } = useT();
  const [text, setText] = useState(props.value === undefined ? "" : String(props.value));
  useEffect(() => setText(props.value === undefined ? "" : String(props.value)), [props.value]);
  const parsed = parseNumber(text);
  const invalid = text.trim() !== "" && parsed === null;
  return (
    <Field label={props.label} hint={props.hint} validationMessage={invalid ? t("ui.not-a-number", { value: text }) : undefined} size={props.size ?? "small"}>
      <Input
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
