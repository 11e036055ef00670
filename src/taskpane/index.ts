/**
 * Task pane entry. Until the wizard lands (React + Fluent UI, its own issue), the pane shows the
 * built-in scheme templates so that the build, the manifest and the dev server have a real page
 * to serve. It runs with or without Office: nothing here calls office.js.
 */
import { builtInSchemes } from "../schemes/index.js";
import { pickLang, t } from "../i18n/index.js";

function render(root: HTMLElement): void {
  const lang = pickLang(navigator.language);
  document.documentElement.lang = lang;
  const title = document.createElement("h1");
  title.textContent = lang === "zh-CN" ? "KPI 绩效计分卡" : "KPI Scorecard";
  root.append(title);
  const list = document.createElement("ul");
  for (const s of builtInSchemes()) {
    const item = document.createElement("li");
    const name = document.createElement("strong");
    name.textContent = `${s.name[lang]} (${t(lang, `period.${s.period}`)})`;
    const text = document.createElement("p");
    text.textContent = s.description[lang];
    item.append(name, text);
    list.append(item);
  }
  root.append(list);
}

const root = document.getElementById("app");
if (root) render(root);
