/**
 * Step 4: the roster — pasted from Excel, opened from a CSV file, or sample data to try the
 * scheme — with every row-level problem listed (missing id, duplicate, text in a number) before
 * anything is generated.
 */
import { errorText } from "../../io/error-text.js";
import { dataProblemText } from "../../io/data-problem-text.js";
import { Body1, Button, Field, makeStyles, MessageBar, MessageBarBody, Text, Textarea, tokens } from "@fluentui/react-components";
import { dataColumns } from "../../core/data.js";
import { parseRoster, sampleRosterText } from "../state/select.js";
import { formatCsv } from "../../io/csv.js";
import type { WizardEvent, WizardState } from "../state/wizard.js";
import { useT } from "./i18n.js";
import { readRosterFile } from "./read-file.js";
import { useState } from "react";

const useStyles = makeStyles({
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center", margin: `${tokens.spacingVerticalS} 0` },
  columns: { fontFamily: tokens.fontFamilyMonospace, wordBreak: "break-all" },
});

export function RosterStep({ state, dispatch, readSelection }: { state: WizardState; dispatch: (e: WizardEvent) => void; readSelection?: () => Promise<string[][]> }) {
  const { t, lang } = useT();
  const styles = useStyles();
  const d = state.draft!;
  const [fileError, setFileError] = useState<string | null>(null);
  const parsed = parseRoster(d, state.roster.text);
  const columns = ["id", "name", ...dataColumns(d).map((c) => c.column)];
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setFileError(null);
    try {
      dispatch({ type: "roster", text: await readRosterFile(file), fileName: file.name });
    } catch (e) {
      setFileError(t("ui.roster.file-error", { file: file.name, problem: errorText(e, lang) }));
    }
  };
  return (
    <section aria-labelledby="roster-title">
      <Text as="h2" id="roster-title" size={500} weight="semibold">
        {t("ui.roster.title")}
      </Text>
      <Body1 as="p">{t("ui.roster.hint")}</Body1>
      <Body1 as="p" className={styles.columns}>
        {columns.join(", ")}
      </Body1>
      <div className={styles.actions}>
        <input type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" aria-label={t("ui.roster.file")} onChange={(e) => void onFile(e.target.files?.[0])} data-testid="roster-file" />
        {readSelection && (
          <Button
            size="small"
            data-testid="roster-selection"
            onClick={() =>
              void readSelection().then(
                (rows) => dispatch({ type: "roster", text: formatCsv(rows[0] ?? [], rows.slice(1)).replace(/^\ufeff/, "") }),
                (e: Error) => setFileError(t("ui.roster.file-error", { file: t("ui.roster.selection"), problem: e.message })),
              )
            }
          >
            {t("ui.roster.selection")}
          </Button>
        )}
        <Button size="small" onClick={() => dispatch({ type: "roster", text: sampleRosterText(d, 20) })} data-testid="roster-sample">
          {t("ui.roster.sample")}
        </Button>
      </div>
      {fileError && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{fileError}</MessageBarBody>
        </MessageBar>
      )}
      <Field label={t("ui.roster.paste")}>
        <Textarea value={state.roster.text} resize="vertical" rows={8} onChange={(_, v) => dispatch({ type: "roster", text: v.value })} data-testid="roster-text" />
      </Field>
      {parsed.problems.length > 0 ? (
        <MessageBar intent="error" role="alert" data-testid="roster-problems">
          <MessageBarBody>
            {t("ui.roster.problems", { count: parsed.problems.length })}
            <ul>
              {parsed.problems.slice(0, 50).map((p) => (
                <li key={`${p.line}:${p.column}:${p.key}`}>{dataProblemText(lang, p).trim()}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      ) : (
        parsed.people.length > 0 && (
          <MessageBar intent="success" role="status">
            <MessageBarBody>{t("ui.roster.ok", { count: parsed.people.length })}</MessageBarBody>
          </MessageBar>
        )
      )}
    </section>
  );
}
