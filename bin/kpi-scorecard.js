#!/usr/bin/env node
// The compiled CLI, bundled into lib/cli-bundle/ by `npm run build:cli` (which `npm install` /
// `npm ci` run through the prepare script): tsc compiles src/ into lib/, esbuild bundles it.
import { main } from "../lib/cli-bundle/main.js";

await main();
