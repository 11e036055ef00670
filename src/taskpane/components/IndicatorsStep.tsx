/**
 * Step 2: the indicators — points or weights, order, add and remove — each rule in words, a live
 * total with a clear message while it is off, and every parameter, the seed's [X] defaults
 * marked "to review" until the user confirms them.
 */
import { Badge, Body1, Button, Caption1, Field, Input, makeStyles, MessageBar, MessageBarBody, Text, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { describeRule } from "../../core/describe.js";
import { indicatorTotal, schemeProblems } from "../state/select.js";
import type { WizardEvent, WizardState } from "../state/wizard.js";
import { useT } from "./i18n.js";
import { NumberInput } from "./NumberInput.js";
import { schemeProblemText } from "../../io/scheme-problem-text.js";

const useStyles = makeStyles({
  // wraps at the task pane's 320 px: the name on its own line, then the number and the buttons
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "flex-end", padding: `${tokens.spacingVerticalXS} 0`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  name: { flex: "1 1 200px", minWidth: 0 },
  number: { width: "96px" },
  buttons: { display: "flex", gap: tokens.spacingHorizontalXXS },
  params: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "flex-end" },
  add: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "end", flexWrap: "wrap", marginTop: tokens.spacingVerticalS },
});

export function IndicatorsStep({ state, dispatch }: { state: WizardState; dispatch: (e: WizardEvent) => void }) {
  const { t, lang } = useT();
  const styles = useStyles();
  const [newName, setNewName] = useState("");
  const d = state.draft!;
  const total = indicatorTotal(d);
  const weighted = total.of === "weights";
  // the total's problem is said once, by the total bar above the list
  const problems = schemeProblems(d, lang).filter((p) => p.key !== "scheme.points-sum" && p.key !== "scheme.weights-sum");
  const open = d.parameters.filter((p) => p.review && !state.reviewed.includes(p.id)).length;
  const addId = `custom_${d.indicators.length + 1}`;
  return (
    <section aria-labelledby="ind-title">
      <Text as="h2" block id="ind-title" size={500} weight="semibold">
        {t("ui.indicators.title")}
      </Text>
      <MessageBar intent={total.sum === total.expected ? "success" : "warning"} role="status" data-testid="indicator-total">
        <MessageBarBody>
          {t(total.sum === total.expected ? `ui.indicators.total-ok.${total.of}` : `ui.indicators.total-off.${total.of}`, { sum: total.sum, expected: total.expected })}
        </MessageBarBody>
      </MessageBar>
      {d.indicators.map((ind, i) => {
        const words = describeRule(ind.rule, ind.points, d);
        return (
          <div key={ind.id} className={styles.row} data-indicator={ind.id}>
            <div className={styles.name}>
              <Body1 as="p">{ind.name[lang]}</Body1>
              <Caption1 block>{t(words.key, words.vars)}</Caption1>
            </div>
            <div className={styles.number}>
            <NumberInput
              label={t(weighted ? "ui.indicators.weight" : "ui.indicators.points")}
              value={weighted ? ind.weight : ind.points}
              testId={`points-${ind.id}`}
              onChange={(v) => dispatch(weighted ? { type: "indicator-weight", index: i, weight: v } : { type: "indicator-points", index: i, points: v })}
            />
            </div>
            <div className={styles.buttons}>
              <Button size="small" aria-label={t("ui.indicators.up", { name: ind.name[lang] })} disabled={i === 0} onClick={() => dispatch({ type: "indicator-move", index: i, by: -1 })}>
                ↑
              </Button>
              <Button size="small" aria-label={t("ui.indicators.down", { name: ind.name[lang] })} disabled={i === d.indicators.length - 1} onClick={() => dispatch({ type: "indicator-move", index: i, by: 1 })}>
                ↓
              </Button>
              <Button size="small" aria-label={t("ui.indicators.remove", { name: ind.name[lang] })} onClick={() => dispatch({ type: "indicator-remove", index: i })}>
                ✕
              </Button>
            </div>
          </div>
        );
      })}
      <div className={styles.add}>
        <Field label={t("ui.indicators.new")} size="small">
          <Input value={newName} onChange={(_, v) => setNewName(v.value)} data-testid="new-indicator" />
        </Field>
        <Button
          size="small"
          disabled={newName.trim() === ""}
          onClick={() => {
            dispatch({ type: "indicator-add", id: addId, name: { "zh-CN": newName.trim(), "en-US": newName.trim() } });
            setNewName("");
          }}
        >
          {t("ui.indicators.add")}
        </Button>
      </div>
      {d.parameters.length > 0 && (
        <>
          <Text as="h3" block size={400} weight="semibold">
            {t("ui.params.title")}
          </Text>
          {/* the template's open defaults, confirmed in one click once read (they are remembered with the saved scheme) */}
          {open > 1 && (
            <Button size="small" appearance="primary" onClick={() => dispatch({ type: "review-all" })} data-testid="confirm-all">
              {t("ui.params.confirm-all", { count: open })}
            </Button>
          )}
          {d.parameters.map((p) => {
            const toReview = p.review && !state.reviewed.includes(p.id);
            return (
              <div key={p.id} className={styles.params} data-param={p.id}>
                <NumberInput label={p.name[lang]} value={p.value} hint={p.note?.[lang]} testId={`param-${p.id}`} onChange={(v) => dispatch({ type: "param", id: p.id, value: v })} />
                {toReview ? (
                  <Button size="small" onClick={() => dispatch({ type: "review", id: p.id })} aria-label={t("ui.params.confirm-label", { name: p.name[lang] })}>
                    {t("ui.params.confirm")}
                  </Button>
                ) : p.review || p.confirmed ? (
                  <Badge appearance="tint" color="success">
                    {t("ui.params.confirmed")}
                  </Badge>
                ) : (
                  <span />
                )}
              </div>
            );
          })}
        </>
      )}
      {problems.length > 0 && (
        <MessageBar intent="error" role="alert" data-testid="scheme-problems">
          <MessageBarBody>
            <ul>
              {problems.map((p) => (
                <li key={`${p.path}${p.key}`}>{schemeProblemText(p, d, lang)}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
