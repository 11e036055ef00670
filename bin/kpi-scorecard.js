#!/usr/bin/env node
// The compiled CLI lives in lib/ (built by `npm install` / `npm ci` through the prepare script).
import { main } from "../lib/cli/main.js";

await main();
