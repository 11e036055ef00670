// The help page's script: which function the page is for comes from the page (data-fn, written
// by webpack.config.js), the language from ?lang= (the metadata's helpUrl) or the browser's.
import { pickLang } from "../i18n/index.js";
import { helpTitle, renderHelp } from "./render.js";

const id = document.documentElement.dataset.fn ?? "";
const lang = pickLang(new URLSearchParams(location.search).get("lang") ?? navigator.language);
document.documentElement.lang = lang;
document.title = helpTitle(id);
document.body.innerHTML = renderHelp(id, lang);
