/**
 * A KPI.* function's help page (Excel's "help on this function" link: help/<function>.html), as
 * HTML text from the same documentation as the metadata (src/functions/reference.ts): what it
 * does, each argument by its name in the user's language, the pick-list words, worked examples.
 * Pure, so that the tests read exactly what a user reads.
 */
import { OPTION_SETS, type OptionWord } from "../core/option-words.js";
import type { Lang } from "../core/text.js";
import { t } from "../i18n/index.js";
import { argName } from "../functions/messages.js";
import { functionDoc, helpPath } from "../functions/reference.js";
import { FORMER_NAMES, FUNCTION_SPECS } from "../functions/specs/index.js";

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export function helpTitle(id: string): string {
  return `KPI.${id}`;
}

/** The page's body for a function in a language. */
export function renderHelp(id: string, lang: Lang): string {
  const spec = FUNCTION_SPECS.find((s) => s.id === id);
  if (!spec) throw new Error(`no function KPI.${id}`);
  const doc = functionDoc(id);
  const other: Lang = lang === "zh-CN" ? "en-US" : "zh-CN";
  const sig = `=KPI.${id}(${spec.params.map((p) => (p.optional ? `[${argName(id, p.name, lang)}]` : argName(id, p.name, lang))).join(", ")})`;
  const rows = spec.params.map((p) => {
    const set = doc.options?.[p.name];
    const words = set
      ? `<ul>${(OPTION_SETS[set] as readonly OptionWord[]).map((w) => `<li><code>"${esc(w.label[lang])}"</code> — ${esc(w.tip[lang])}<br><small>${esc(t(lang, "help.also"))} ${[w.value, w.label[other], ...w.aliases].map((a) => `<code>${esc(a)}</code>`).join(" ")}</small></li>`).join("")}</ul>`
      : "";
    const column = p.kind === "fixed" ? "" : ` <small>(${esc(t(lang, "help.column"))})</small>`;
    const optional = p.optional ? ` <small>(${esc(t(lang, "help.optional"))})</small>` : "";
    return `<tr><th scope="row"><code>${esc(argName(id, p.name, lang))}</code>${optional}${column}</th><td>${esc(doc.params[p.name][lang])}${words}</td></tr>`;
  });
  const examples = doc.examples.map((e) => `<tr><td><code>=KPI.${id}(${esc(e.args)})</code></td><td><code>${esc(e.result)}</code></td><td>${esc(e.note[lang])}</td></tr>`);
  const former = FORMER_NAMES[id];
  return [
    `<h1>${esc(helpTitle(id))}</h1>`,
    former ? `<p class="former">${esc(t(lang, "help.former", { now: `KPI.${former}` }))} <a href="${esc(helpPath(former, lang).replace(/^help\//, ""))}">KPI.${former}</a></p>` : "",
    `<p>${esc(doc.summary[lang])}</p>`,
    `<pre><code>${esc(sig)}</code></pre>`,
    `<h2>${esc(t(lang, "help.arguments"))}</h2>`,
    `<table>${rows.join("")}</table>`,
    `<p>${esc(t(lang, "help.returns"))} ${esc(doc.returns[lang])}</p>`,
    ...(doc.notes ?? []).map((n) => `<p class="note">${esc(n[lang])}</p>`),
    `<h2>${esc(t(lang, "help.examples"))}</h2>`,
    `<table><tr><th>${esc(t(lang, "help.formula"))}</th><th>${esc(t(lang, "help.result"))}</th><th></th></tr>${examples.join("")}</table>`,
    `<p class="rounding">${esc(t(lang, "help.rounding"))}</p>`,
    `<p><a href="${esc(helpPath(id, other).replace(/^help\//, ""))}" lang="${other}">${esc(t(other, "help.other-language"))}</a></p>`,
  ].join("\n");
}
