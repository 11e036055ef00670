/**
 * A file chooser in the pane's language: our button and the chosen file's name ("未选择文件"
 * before one is chosen) — the browser's own control says "Choose File / No file chosen" in the
 * browser's language, whatever the pane's. The native input stays (out of sight) for keyboards,
 * screen readers and tests.
 */
import { Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { useRef, useState } from "react";
import { useT } from "./i18n.js";

const useStyles = makeStyles({
  row: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap", minWidth: 0 },
  name: { overflowWrap: "anywhere", minWidth: 0 },
  hidden: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap" },
});

export function FileButton(props: { label: string; button: string; accept: string; onFile: (file: File) => void; disabled?: boolean; testId: string; primary?: boolean }) {
  const { t } = useT();
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [name, setName] = useState<string | null>(null);
  return (
    <div className={styles.row}>
      <input
        ref={input}
        className={styles.hidden}
        type="file"
        accept={props.accept}
        aria-label={props.label}
        disabled={props.disabled}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (!file) return;
          setName(file.name);
          props.onFile(file);
          // the same file chosen again (after fixing it) is read again
          e.target.value = "";
        }}
        data-testid={props.testId}
      />
      <Button appearance={props.primary ? "primary" : "secondary"} onClick={() => input.current?.click()} disabled={props.disabled}>
        {props.button}
      </Button>
      <Caption1 className={styles.name}>{name ?? t("ui.file.none")}</Caption1>
    </div>
  );
}
