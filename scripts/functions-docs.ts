// `npm run docs:functions`: writes src/functions/functions.ts, src/functions/functions-zh-cn.json
// and README's function table from the specs, reference.ts and the option table
// (src/functions/docs-out.ts). test/functions/docs-out.test.ts fails when one of them is stale.
import { readFileSync, writeFileSync } from "node:fs";
import { functionsSource, readmeFunctionTable, zhMetadata } from "../src/functions/docs-out.js";
import { replaceReadmeSection } from "../src/functions/readme-section.js";

writeFileSync("src/functions/functions.ts", functionsSource());
writeFileSync("src/functions/functions-zh-cn.json", `${JSON.stringify(zhMetadata(), null, 2)}\n`);
writeFileSync("README.md", replaceReadmeSection(readFileSync("README.md", "utf8"), readmeFunctionTable()));
console.log("wrote src/functions/functions.ts, src/functions/functions-zh-cn.json and README.md's function table");
