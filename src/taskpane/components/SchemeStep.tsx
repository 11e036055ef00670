/** Step 1: a gallery of the built-in templates, or a scheme from a JSON file. */
import { FileButton } from "./FileButton.js";
import { Body1, Caption1, Card, CardHeader, Field, makeStyles, mergeClasses, MessageBar, MessageBarBody, Text, tokens } from "@fluentui/react-components";
import { builtInSchemes } from "../../schemes/index.js";
import { parseScheme } from "../../core/scheme/load.js";
import type { WizardEvent, WizardState } from "../state/wizard.js";
import type { Scheme } from "../../core/scheme/schema.js";
import { useT } from "./i18n.js";
import { readFileText } from "./read-file.js";
import { problemText } from "../../i18n/index.js";

/** The source name the saved scheme is shown under once chosen. */
const SAVED = "⟲";

const useStyles = makeStyles({
  gallery: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(260px, 1fr))", gap: tokens.spacingVerticalS },
  card: { cursor: "pointer" },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}` },
  line: { display: "-webkit-box", WebkitLineClamp: "2", WebkitBoxOrient: "vertical", overflow: "hidden" },
});

export function SchemeStep({ state, dispatch, saved }: { state: WizardState; dispatch: (e: WizardEvent) => void; saved: Scheme | null }) {
  const { t, lang } = useT();
  const styles = useStyles();
  const chosen = state.source?.kind === "template" ? state.source.id : null;
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    let raw: unknown;
    try {
      raw = JSON.parse(await readFileText(file));
    } catch (e) {
      dispatch({ type: "import-failed", problems: [t("cli.scheme-json", { file: file.name, problem: (e as Error).message })] });
      return;
    }
    const r = parseScheme(raw, lang);
    if (r.ok) dispatch({ type: "imported", scheme: r.scheme, name: file.name });
    else dispatch({ type: "import-failed", problems: r.problems.map((p) => problemText(p, lang)) });
  };
  return (
    <section aria-labelledby="scheme-title">
      <Text as="h2" block id="scheme-title" size={500} weight="semibold">
        {t("ui.scheme.title")}
      </Text>
      <Body1 as="p">{t("ui.scheme.hint")}</Body1>
      {saved && (
        <Card className={mergeClasses(styles.card, state.source?.kind === "file" && state.source.name === SAVED && styles.selected)} onClick={() => dispatch({ type: "imported", scheme: saved, name: SAVED })} data-testid="saved-scheme">
          <CardHeader header={<Text weight="semibold">{t("ui.scheme.saved", { name: saved.name[lang] })}</Text>} description={<Caption1>{t(`period.${saved.period}`)}</Caption1>} />
        </Card>
      )}
      <div className={styles.gallery} role="list">
        {builtInSchemes().map((s) => (
          <Card
            key={s.id}
            role="listitem"
            className={mergeClasses(styles.card, chosen === s.id && styles.selected)}
            onClick={() => dispatch({ type: "template", id: s.id })}
            onKeyDown={(e) => (e.key === "Enter" || e.key === " ") && dispatch({ type: "template", id: s.id })}
            tabIndex={0}
            aria-pressed={chosen === s.id}
            data-template={s.id}
          >
            <CardHeader header={<Text weight="semibold">{s.name[lang]}</Text>} description={<Caption1>{t(`period.${s.period}`)}</Caption1>} />
            <Caption1 className={styles.line}>{s.description[lang]}</Caption1>
          </Card>
        ))}
      </div>
      <Field label={t("ui.scheme.import")} hint={t("ui.scheme.import-hint")} style={{ marginTop: tokens.spacingVerticalM }}>
        <FileButton label={t("ui.scheme.import")} button={t("ui.scheme.choose-file")} accept=".json,application/json" onFile={(f) => void onFile(f)} testId="scheme-file" />
      </Field>
      {state.source?.kind === "file" && state.source.name !== SAVED && <Body1 as="p">{t("ui.scheme.imported", { file: state.source.name })}</Body1>}
      {state.importProblems.length > 0 && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            <ul>
              {state.importProblems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
