// The manifest for a deployment: the dev manifest (every URL on https://localhost:3000) rewritten
// to the origin the company hosts dist/ on — what the Office templates do at build time. Used by
// webpack.config.js (`npm run build -- --env origin=https://hr.example.com/kpi`, or ADDIN_ORIGIN)
// and checked by scripts/validate-manifest.mjs and test/functions/build.test.ts.

export const DEV_BASE = "https://localhost:3000";

/**
 * The base URL the add-in is served from, as given ("https://hr.example.com/kpi/"), checked:
 * HTTPS (Office loads add-ins only over HTTPS), no query or fragment; returned without the
 * trailing slash. Throws an Error saying what is wrong and what is expected.
 */
export function parseBase(text) {
  let url;
  try {
    url = new URL(String(text).trim());
  } catch {
    throw new Error(`origin "${text}" is not a URL: expected e.g. https://hr.example.com/kpi`);
  }
  if (url.protocol !== "https:") throw new Error(`origin "${text}" must use https:// (Office loads add-ins only over HTTPS)`);
  if (url.search || url.hash) throw new Error(`origin "${text}" must not carry a query or fragment: give the folder dist/ is served from`);
  if (url.username || url.password) throw new Error(`origin "${text}" must not carry a user name or password`);
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The dev manifest with every URL on `base` and its AppDomain the base's origin; with `id`, the
 * add-in's <Id> replaced (each deployment of the add-in needs its own GUID).
 */
export function manifestForBase(xml, base, id) {
  const origin = new URL(base).origin;
  let out = xml.replace(/<AppDomain>https:\/\/localhost:3000<\/AppDomain>/g, `<AppDomain>${origin}</AppDomain>`).replaceAll(DEV_BASE, base);
  if (id !== undefined && id !== "") {
    if (!GUID.test(id)) throw new Error(`add-in id "${id}" is not a GUID: expected e.g. 2f9c4a0e-7b1d-4c3a-9e8f-5d6b7a8c9d0e (make one with \`node -e "console.log(crypto.randomUUID())"\`)`);
    out = out.replace(/<Id>[^<]*<\/Id>/, `<Id>${id}</Id>`);
  }
  if (out.includes("localhost")) throw new Error("the manifest still names localhost after rewriting: a URL not of the form https://localhost:3000/…");
  return out;
}
