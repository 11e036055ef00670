/**
 * Step 4: the roster — pasted from Excel, opened from a CSV file, or sample data to try the
 * scheme — with every row-level problem listed (missing id, duplicate, text in a number) before
 * anything is generated.
 */
import { FileButton } from "./FileButton.js";
import { errorText } from "../../io/error-text.js";
import { dataProblemText } from "../../io/data-problem-text.js";
import { Body1, Button, Caption2, Checkbox, Field, makeStyles, MessageBar, MessageBarBody, Text, Textarea, tokens } from "@fluentui/react-components";
import { dataColumns } from "../../core/data.js";
import { columnLabel } from "../../io/roster-header.js";
import { encodingName, type RosterRead } from "../../io/read-roster.js";
import type { Scheme } from "../../core/scheme/schema.js";
import { parseRoster, sampleRosterText } from "../state/select.js";
import { formatCsv } from "../../io/csv.js";
import type { WizardEvent, WizardState } from "../state/wizard.js";
import { useT } from "./i18n.js";
import { readRosterFile } from "./read-file.js";
import { useState } from "react";

const useStyles = makeStyles({
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center", margin: `${tokens.spacingVerticalS} 0` },
  columns: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  id: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  preview: { maxWidth: "100%", overflowX: "auto", margin: `${tokens.spacingVerticalS} 0` },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200 },
  cell: { border: `1px solid ${tokens.colorNeutralStroke2}`, padding: "2px 6px", whiteSpace: "nowrap", maxWidth: "12em", overflow: "hidden", textOverflow: "ellipsis" },
  mapped: { color: tokens.colorPaletteGreenForeground1 },
  wrong: { backgroundColor: tokens.colorPaletteRedBackground1, color: tokens.colorPaletteRedForeground1 },
  carried: { color: tokens.colorNeutralForeground3 },
});

/** The first rows as read, each column's header with what it was read as. */
function Preview({ read, scheme }: { read: RosterRead; scheme: Scheme }) {
  const { t, lang } = useT();
  const styles = useStyles();
  if (read.preview.length === 0) return null;
  const [header, ...rows] = read.preview;
  const as = (i: number) => {
    const c = read.columns[i];
    if (!c) return { text: "", className: undefined };
    if (c.status === "mapped") return { text: columnLabel(scheme, c.key!, lang), className: styles.mapped };
    if (c.status === "carried") return { text: t("ui.roster.col.carried"), className: styles.carried };
    if (c.status === "blank") return { text: "", className: undefined };
    if (c.status === "duplicate") return { text: t("ui.roster.col.duplicate"), className: styles.wrong };
    return { text: c.suggestion ? t("ui.roster.col.near", { suggestion: columnLabel(scheme, c.suggestion, lang) }) : t("ui.roster.col.unknown"), className: styles.wrong };
  };
  return (
    <div className={styles.preview} data-testid="roster-preview" role="region" aria-label={t("ui.roster.preview")} tabIndex={0}>
      <table className={styles.table}>
        <thead>
          <tr>
            {header.map((h, i) => (
              <th key={i} scope="col" className={styles.cell}>
                {h}
              </th>
            ))}
          </tr>
          <tr>
            {header.map((_, i) => {
              const a = as(i);
              return (
                <td key={i} className={`${styles.cell} ${a.className ?? ""}`} data-testid={`roster-col-${i}`} title={a.text}>
                  {a.text}
                </td>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, k) => (
            <tr key={k}>
              {header.map((_, i) => (
                <td key={i} className={styles.cell} title={r[i] ?? ""}>
                  {r[i] ?? ""}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function RosterStep({ state, dispatch, readSelection }: { state: WizardState; dispatch: (e: WizardEvent) => void; readSelection?: () => Promise<string[][]> }) {
  const { t, lang } = useT();
  const styles = useStyles();
  const d = state.draft!;
  const [fileError, setFileError] = useState<string | null>(null);
  const parsed = parseRoster(d, state.roster.text, { lang, keepExtra: state.roster.keepExtra, source: state.roster.source });
  const columns = ["id", "name", ...dataColumns(d).map((c) => c.column)];
  const encoding = parsed.source === "xlsx" ? ".xlsx" : encodingName(parsed.source);
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setFileError(null);
    try {
      const read = await readRosterFile(file);
      dispatch({ type: "roster", text: read.text, fileName: file.name, source: read.source });
    } catch (e) {
      setFileError(t("ui.roster.file-error", { file: file.name, problem: errorText(e, lang) }));
    }
  };
  return (
    <section aria-labelledby="roster-title">
      <Text as="h2" block id="roster-title" size={500} weight="semibold">
        {t("ui.roster.title")}
      </Text>
      <Body1 as="p">{t("ui.roster.hint")}</Body1>
      <ul className={styles.columns} data-testid="roster-columns">
        {columns.map((c) => {
          // the label first; the column id a file may use instead beside it, small and muted
          const label = columnLabel(d, c, lang);
          const name = label.endsWith(` (${c})`) ? label.slice(0, -(c.length + 3)) : label;
          return (
            <li key={c}>
              <Body1>{name}</Body1> <Caption2 className={styles.id}>{c}</Caption2>
            </li>
          );
        })}
      </ul>
      <div className={styles.actions}>
        <FileButton label={t("ui.roster.file")} button={t("ui.roster.choose-file")} accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onFile={(f) => void onFile(f)} testId="roster-file" />
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
      <Checkbox
        checked={state.roster.keepExtra ?? false}
        onChange={(_, v) => dispatch({ type: "roster-keep-extra", keep: v.checked === true })}
        label={t("ui.roster.keep-extra")}
        data-testid="roster-keep-extra"
      />
      <Field label={t("ui.roster.paste")}>
        <Textarea value={state.roster.text} resize="vertical" rows={8} onChange={(_, v) => dispatch({ type: "roster", text: v.value })} data-testid="roster-text" />
      </Field>
      {parsed.problems.length > 0 ? (
        <MessageBar intent="error" role="alert" data-testid="roster-problems">
          <MessageBarBody>
            {t("ui.roster.problems", { count: parsed.problems.length })}
            <ul>
              {parsed.problems.slice(0, 50).map((p) => (
                <li key={`${p.line}:${p.column}:${p.key}`}>{dataProblemText(lang, p, d).trim()}</li>
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
      {encoding && (
        <Body1 as="p" data-testid="roster-encoding">
          {t("ui.roster.read-as", { encoding })}
        </Body1>
      )}
      <Preview read={parsed} scheme={d} />
    </section>
  );
}
