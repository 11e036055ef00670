#!/usr/bin/env node
// The compiled CLI lives in dist/ (built by `npm install` / `npm ci` through the prepare script).
import { main } from "../dist/cli/main.js";

main();
