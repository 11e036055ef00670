/** `npm stop`: end the dev server `npm start` started and remove its sideload from Excel. */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { realSystem, unregisterAddIn } from "./dev/desktop-excel.js";
import { clearState, isRunning, readState, stateFile } from "./dev/state.js";
import { devLang, say } from "./dev/messages.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const lang = devLang();
const file = stateFile(root);
const state = readState(file);
if (!state) {
  say(lang, "dev.stop.nothing");
} else {
  // cleared first, so that `npm start`'s own exit handler leaves the rest to us
  clearState(file);
  if (isRunning(state.pid)) {
    process.kill(state.pid, "SIGTERM");
    say(lang, "dev.stop.stopped", { pid: state.pid });
  } else {
    say(lang, "dev.stop.already-stopped", { pid: state.pid });
  }
  const sys = realSystem();
  if (state.registration) {
    const problem = unregisterAddIn(sys, state.registration);
    say(lang, problem ? "dev.stop.unregister-failed" : "dev.stop.unregistered", { reason: problem ?? "" });
  }
  if (state.workbookDir) sys.remove(state.workbookDir);
}
