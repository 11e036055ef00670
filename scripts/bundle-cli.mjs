// The command line as one bundle (lib/cli-bundle/), from what tsc compiled into lib/: Node then
// reads a handful of files at start instead of ~250 modules (zod alone is ~130), a tenth of a
// second of every run. Each command stays a chunk of its own, loaded when it runs (main.ts).
// Run by `npm run build:cli` (and so by `npm ci` / `npm install`, through prepare).
import { build } from "esbuild";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { rmSync } from "node:fs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outdir = join(root, "lib", "cli-bundle");
rmSync(outdir, { recursive: true, force: true });

// zod's index of its ~50 message locales: the CLI says zod's words in English and Chinese only
// (core/scheme/load.ts imports those two by their own modules), so the index is left empty
const zodLocalesIndex = {
  name: "zod-locales-index",
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) => (/[\\/]zod[\\/]/.test(args.importer) ? { path: "zod-locales-index", namespace: "kpi-stub" } : undefined));
    b.onLoad({ filter: /.*/, namespace: "kpi-stub" }, () => ({ contents: "export {};", loader: "js" }));
  },
};

await build({
  entryPoints: [join(root, "lib", "cli", "main.js")],
  outdir,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  sourcemap: true,
  // white space and syntax only: names stay, so that --debug's stack traces read
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: "linked",
  plugins: [zodLocalesIndex],
  logLevel: "warning",
});
