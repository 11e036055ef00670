/**
 * What sideloading needs from manifest.xml: the add-in's id and version. Read with two anchored
 * patterns rather than an XML library — the manifest is ours and `npm run validate` already
 * proves it against Microsoft's schemas.
 */
import { readFileSync } from "node:fs";

export interface ManifestInfo {
  /** absolute path of the manifest file */
  path: string;
  id: string;
  version: string;
}

export function manifestInfo(path: string, text = readFileSync(path, "utf8")): ManifestInfo {
  // the first <Id> and <Version> are OfficeApp's own (they come before any nested element with those names)
  const id = /<Id>\s*([0-9a-fA-F-]{36})\s*<\/Id>/.exec(text)?.[1];
  const version = /<Version>\s*([0-9.]+)\s*<\/Version>/.exec(text)?.[1];
  if (!id) throw new Error(`${path}: no <Id> with the add-in's GUID`);
  if (!version) throw new Error(`${path}: no <Version> (n.n.n.n)`);
  return { path, id, version };
}
