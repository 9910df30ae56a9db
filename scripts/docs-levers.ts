// The table of levers in docs/methode.md, generated from the lever registry (src/engine/levers.ts) so the
// users' documentation never says something the engine does not do. tests/docsLevers.test.ts fails when the
// table in the document differs from what this prints.
// Usage: npx tsx scripts/docs-levers.ts            prints the table
//        npx tsx scripts/docs-levers.ts --write    rewrites the table between the markers of docs/methode.md
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DESTINATION_NAMES, NATURE_NAMES, PILLAR_NAMES } from "../src/engine/labels.ts";
import { LEVERS, type Lever, type LeverFamily } from "../src/engine/levers.ts";
import type { Destination } from "../src/engine/types.ts";

export const LEVERS_START = "<!-- leviers:début — généré par scripts/docs-levers.ts, ne pas modifier à la main -->";
export const LEVERS_END = "<!-- leviers:fin -->";

/** How many label keywords the table shows per lever (the registry holds many more). */
const KEYWORDS_SHOWN = 8;

const FAMILY: Record<LeverFamily, string> = { income: "Produits", expense: "Charges", in_kind: "En nature (86/87)" };
const DESTINATION_SHORT: Record<Destination, string> = { action: "actions", engineering: "ingénierie" };

const cell = (text: string) => text.replace(/\|/g, "\\|");
const code = (items: readonly string[]) => items.map((i) => `\`${i}\``).join(", ");

function pillarOf(l: Lever): string {
  const tags = l.tags.filter((t) => t !== l.pillar).map((t) => PILLAR_NAMES[t].fr.toLowerCase());
  return PILLAR_NAMES[l.pillar].fr + (tags.length > 0 ? ` (+ ${tags.join(", ")})` : "");
}

function natureOf(l: Lever): string {
  if (l.family === "expense") return "—";
  if (l.family === "in_kind") return "hors mix (sauf paramètre `inKindInMix`)";
  const nature = l.nature ? NATURE_NAMES[l.nature].fr : "—";
  if (l.nature === "neutral") return "hors mix";
  return l.nature === "activity" && l.payer ? `${nature}, payeur ${l.payer === "public" ? "public" : "privé"}` : nature;
}

function destinationOf(l: Lever): string {
  if (l.family !== "expense" || !l.destination) return "—";
  const exceptions = Object.entries(l.destinationByAccount ?? {}).map(([account, d]) => `${account} → ${DESTINATION_SHORT[d]}`);
  return DESTINATION_SHORT[l.destination] + (exceptions.length > 0 ? ` (${exceptions.join(", ")})` : "");
}

function accountsOf(l: Lever): string {
  const parts: string[] = [];
  if (l.accounts.length > 0) parts.push(code(l.accounts));
  if (l.accountsCrc99?.length) parts.push(`${code(l.accountsCrc99)} (Cerfa / CRC 99-01)`);
  if (l.accountsAnc2018?.length) parts.push(`${code(l.accountsAnc2018)} (ANC 2018-06)`);
  return parts.length > 0 ? parts.join(" ; ") : "aucun compte propre : reconnu au libellé";
}

function keywordsOf(l: Lever): string {
  const words = l.keywords.map((k) => (typeof k === "string" ? k : k.p));
  const shown = words.slice(0, KEYWORDS_SHOWN);
  // Only "…" for the rest, not their count: a keyword added to the registry does not change the users' table.
  return code(shown) + (words.length > shown.length ? " …" : "");
}

/** The Markdown table of every lever of the registry, in the registry's order. */
export function leversMarkdown(): string {
  const rows = [
    "| Levier (identifiant) | Famille | Pilier (+ étiquettes) | Nature | Destination par défaut | Comptes | Mots du libellé (extrait) |",
    "|---|---|---|---|---|---|---|",
    ...LEVERS.map((l) =>
      `| ${[
        `**${l.label.fr}** (\`${l.id}\`)${l.catchAll ? " ¹" : ""}`,
        FAMILY[l.family],
        pillarOf(l),
        natureOf(l),
        destinationOf(l),
        accountsOf(l),
        keywordsOf(l),
      ]
        .map(cell)
        .join(" | ")} |`,
    ),
  ];
  const notes = [
    "",
    `¹ Levier « fourre-tout » de son chapitre : un libellé qui nomme un levier plus précis du même chapitre l'emporte sur le compte.`,
    "",
    `Destinations : « actions » = ${DESTINATION_NAMES.action.fr} ; « ingénierie » = ${DESTINATION_NAMES.engineering.fr}.`,
  ];
  return [...rows, ...notes].join("\n");
}

/** The document with its levers table replaced by the generated one. */
export function withLeversTable(markdown: string): string {
  const start = markdown.indexOf(LEVERS_START);
  const end = markdown.indexOf(LEVERS_END);
  if (start < 0 || end < start) throw new Error(`docs/methode.md has no ${LEVERS_START} … ${LEVERS_END} block`);
  return `${markdown.slice(0, start + LEVERS_START.length)}\n${leversMarkdown()}\n${markdown.slice(end)}`;
}

if (process.argv[1]?.endsWith("docs-levers.ts")) {
  if (process.argv.includes("--write")) {
    const path = join(import.meta.dirname, "..", "docs", "methode.md");
    writeFileSync(path, withLeversTable(readFileSync(path, "utf8")));
    console.log(`docs/methode.md: table of ${LEVERS.length} levers rewritten`);
  } else {
    console.log(leversMarkdown());
  }
}
