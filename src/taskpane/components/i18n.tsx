/** The language the pane speaks, from the wizard state, as a `t` for components. */
import { createContext, useContext } from "react";
import { t as translate } from "../../i18n/index.js";
import type { Lang } from "../../core/text.js";
import type { MessageVars } from "../../core/errors.js";

export const LangContext = createContext<Lang>("en-US");

export function useT() {
  const lang = useContext(LangContext);
  return { lang, t: (key: string, vars?: MessageVars) => translate(lang, key, vars) };
}
