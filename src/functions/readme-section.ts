/** README's generated function table lives between these markers (scripts/functions-docs.ts). */
export const BEGIN = "<!-- functions:begin (npm run docs:functions) -->";
export const END = "<!-- functions:end -->";

export function readmeSection(readme: string): string | null {
  const a = readme.indexOf(BEGIN);
  const b = readme.indexOf(END);
  return a < 0 || b < a ? null : readme.slice(a + BEGIN.length, b).trim();
}

export function replaceReadmeSection(readme: string, table: string): string {
  const a = readme.indexOf(BEGIN);
  const b = readme.indexOf(END);
  if (a < 0 || b < a) throw new Error(`README.md has no ${BEGIN} … ${END} section to write the function table into`);
  return `${readme.slice(0, a + BEGIN.length)}\n${table}\n${readme.slice(b)}`;
}
