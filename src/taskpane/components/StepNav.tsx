import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { STEPS, type Step } from "../state/wizard.js";
import { useT } from "./i18n.js";

const useStyles = makeStyles({
  nav: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, marginBottom: tokens.spacingVerticalM },
});

export function StepNav(props: { step: Step; reachable: (s: Step) => boolean; onGo: (s: Step) => void }) {
  const { t } = useT();
  const styles = useStyles();
  return (
    <nav className={styles.nav} aria-label={t("ui.steps")}>
      {STEPS.map((s, i) => (
        <Button
          key={s}
          size="small"
          appearance={s === props.step ? "primary" : "subtle"}
          aria-current={s === props.step ? "step" : undefined}
          disabled={!props.reachable(s)}
          onClick={() => props.onGo(s)}
        >
          {`${i + 1}. ${t(`ui.step.${s}`)}`}
        </Button>
      ))}
    </nav>
  );
}
