// One dictionary per language (fr.ts, en.ts): say(lang, id, values) gives the user's sentence.
import type { Lang } from "../types.ts";
import { en } from "./en.ts";
import { fr, type MessageId } from "./fr.ts";

export type { MessageId };
export const DICTIONARIES: Record<Lang, Readonly<Record<MessageId, string>>> = { fr, en };

export function say(lang: Lang, id: MessageId, values: Readonly<Record<string, string | number>> = {}): string {
  const text = DICTIONARIES[lang][id];
  // Most sentences have no {value} (the report's words, asked once per line of a big budget): no regex for them.
  if (!text.includes("{")) return text;
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (values[k] === undefined ? m : String(values[k])));
}

/** The ids `${base}.one` / `.other` (and `.zero` when there is one) that a counted sentence is written in. */
type Counted<K> = K extends `${infer B}.other` ? B : never;
export type CountedId = Counted<MessageId>;

/**
 * A counted sentence: « 0 ligne », « 1 ligne », « 2 lignes » in French (the singular up to 1), "1 line",
 * "0 lines", "2 lines" in English; `.zero` when the dictionary words nothing differently (« Aucune ligne »).
 */
export function sayCount(lang: Lang, base: CountedId, count: number, values: Readonly<Record<string, string | number>> = {}): string {
  const dict = DICTIONARIES[lang] as Readonly<Record<string, string>>;
  const form = count === 0 && `${base}.zero` in dict ? "zero" : (lang === "fr" ? Math.abs(count) < 2 : count === 1) ? "one" : "other";
  return say(lang, `${base}.${form}` as MessageId, { count, ...values });
}
