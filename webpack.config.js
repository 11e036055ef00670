// Builds the task pane (dist/taskpane.html + bundle) and copies the icons and manifest.
// office.js is never bundled: it comes from Microsoft's CDN at run time (externals).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, resolve } from "node:path";
import HtmlWebpackPlugin from "html-webpack-plugin";
import CopyWebpackPlugin from "copy-webpack-plugin";
import CustomFunctionsMetadataPlugin from "custom-functions-metadata-plugin";
import { DEV_BASE, manifestForBase, parseBase } from "./scripts/manifest-origin.mjs";

const root = dirname(fileURLToPath(import.meta.url));
// one help page per function (the metadata's helpUrl): the ids of the written Chinese metadata
const functionIds = JSON.parse(readFileSync(resolve(root, "src/functions/functions-zh-cn.json"), "utf8")).functions.map((f) => f.id);

/** A deployment's functions.json (emitted by the metadata plugin) with its help links on the deployment's base. */
class RebaseFunctionsJson {
  constructor(base) {
    this.base = base;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("RebaseFunctionsJson", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "RebaseFunctionsJson", stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT }, (assets) => {
        const json = assets["functions.json"];
        if (json) compilation.updateAsset("functions.json", new compiler.webpack.sources.RawSource(json.source().toString().replaceAll(DEV_BASE, this.base)));
      });
    });
  }
}

export default (env = {}, argv) => {
  const dev = argv.mode !== "production";
  // a deployment: `--env origin=https://hr.example.com/kpi` (or ADDIN_ORIGIN) writes dist/manifest.xml
  // with every URL there; `--env id=<guid>` (or ADDIN_ID) gives it its own add-in id
  const given = env.origin ?? process.env.ADDIN_ORIGIN;
  const base = given ? parseBase(given) : null;
  const id = env.id ?? process.env.ADDIN_ID;
  return {
    devtool: dev ? "source-map" : false,
    entry: { functions: "./src/functions/functions.ts", taskpane: "./src/taskpane/index.tsx", help: "./src/help/index.ts" },
    // fixed names: the manifest points at functions.js
    output: { path: resolve(root, "dist"), filename: "[name].js", clean: true },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      // our sources import "./x.js" as Node ESM requires; webpack finds the .ts file
      extensionAlias: { ".js": [".ts", ".tsx", ".js"] },
    },
    module: {
      rules: [{ test: /\.tsx?$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "esnext", moduleResolution: "bundler" } } } }],
    },
    externals: { office: "Office" },
    plugins: [
      // functions.json from the JSDoc of src/functions/functions.ts (and the associate calls)
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      // shared runtime: the task pane page carries the functions too
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["functions", "taskpane"] }),
      ...functionIds.map((fn) => new HtmlWebpackPlugin({ filename: `help/${fn.toLowerCase()}.html`, template: "./src/help/help.html", chunks: ["help"], fn })),
      ...(base ? [new RebaseFunctionsJson(base)] : []),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "manifest.xml", to: "manifest.xml", ...(base ? { transform: (content) => manifestForBase(content.toString("utf8"), base, id) } : {}) },
          { from: "src/functions/functions-zh-cn.json", to: "functions-zh-cn.json", ...(base ? { transform: (content) => content.toString("utf8").replaceAll(DEV_BASE, base) } : {}) },
        ],
      }),
    ],
    devServer: {
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
      static: { directory: resolve(root, "dist") },
      headers: { "Access-Control-Allow-Origin": "*" },
      client: { overlay: false },
    },
    performance: { hints: false },
  };
};
