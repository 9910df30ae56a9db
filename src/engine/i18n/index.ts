// One dictionary per language (fr.ts, en.ts): say(lang, id, values) gives the user's sentence.
import type { Lang } from "../types.ts";
import { en } from "./en.ts";
import { fr, type MessageId } from "./fr.ts";

export type { MessageId };
export const DICTIONARIES: Record<Lang, Readonly<Record<MessageId, string>>> = { fr, en };

export function say(lang: Lang, id: MessageId, values: Readonly<Record<string, string | number>> = {}): string {
  return DICTIONARIES[lang][id].replace(/\{(\w+)\}/g, (m, k: string) => (values[k] === undefined ? m : String(values[k])));
}
