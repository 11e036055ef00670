// Lint: TypeScript's recommended rules, plus the layer rule of ARCHITECTURE.md — the Office
// globals (Excel, Office, CustomFunctions) exist only in the adapter folders, never in the
// engine, the templates, the I/O helpers, the catalogs or the CLI.
import tseslint from "typescript-eslint";

const officeGlobals = ["Excel", "Office", "CustomFunctions", "OfficeExtension"].map((name) => ({
  name,
  message: `${name} is an Office global: only src/workbook/office, src/functions and src/taskpane/host may use it.`,
}));

export default tseslint.config(
  { ignores: ["dist/**", "lib/**", "node_modules/**", "coverage/**", "test-artifacts/**"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "no-console": "off",
    },
  },
  {
    files: ["src/core/**", "src/decimal/**", "src/schemes/**", "src/io/**", "src/i18n/**", "src/cli/**"],
    rules: {
      "no-restricted-globals": ["error", ...officeGlobals, { name: "document", message: "no DOM outside the task pane" }, { name: "window", message: "no DOM outside the task pane" }],
      "no-restricted-imports": ["error", { patterns: [{ group: ["office", "@microsoft/office-js"], message: "office.js stays in the adapters" }] }],
    },
  },
  {
    // the wizard's components and state reach Excel only through the host (src/taskpane/host)
    files: ["src/taskpane/components/**", "src/taskpane/state/**", "src/workbook/plan/**", "src/workbook/xlsx/**"],
    rules: { "no-restricted-globals": ["error", ...officeGlobals] },
  },
  {
    files: ["src/core/**", "src/decimal/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["node:*", "fs", "path", "office", "@microsoft/office-js", "exceljs", "react*"], message: "src/core is pure: no file system, Office, ExcelJS or React" },
            // words live at the edges: core returns keys and variables; only their types are shared
            { group: ["**/i18n/index.js", "**/i18n/*.json"], message: "src/core does not import the catalogs: return a key and its variables" },
          ],
        },
      ],
    },
  },
);
