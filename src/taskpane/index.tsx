/**
 * Task pane entry: find the host (Excel, or a plain browser when office.js is missing or Office
 * never reports Excel), then render the wizard.
 */
import { createRoot } from "react-dom/client";
import { App } from "./components/App.js";
import { detectHost } from "./host/detect.js";

async function start(): Promise<void> {
  const root = document.getElementById("app");
  if (!root) return;
  const host = await detectHost();
  document.documentElement.lang = host.lang;
  createRoot(root).render(<App host={host} />);
}

void start();
