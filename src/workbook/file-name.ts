/**
 * The name a downloaded workbook gets: the scheme's name in the workbook's language, the period,
 * and the part ("电商客服月度考核-2026-11.xlsx", "…-工资条.xlsx") — what a person looks for in the
 * downloads folder. Characters Windows or macOS refuse in file names become "_" (named, not dropped).
 */
import type { Scheme } from "../core/scheme/schema.js";
import type { Lang } from "../core/text.js";

/** Longest stem kept: far under every file system's limit, with room for the folder's path. */
const MAX_STEM = 120;

export function safeFileStem(text: string): string {
  const stem = text.replace(/[\\/:*?"<>|\u0000-\u001f]/g, "_").replace(/^[\s.]+|[\s.]+$/g, "");
  return [...stem].slice(0, MAX_STEM).join("") || "_";
}

export function workbookFileName(scheme: Scheme, lang: Lang, period: string | null, part?: string): string {
  return `${safeFileStem([scheme.name[lang], period, part].filter((x) => x).join("-"))}.xlsx`;
}
