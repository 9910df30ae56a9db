// docs/methode.md tells users what the engine does: its table of levers is the one scripts/docs-levers.ts
// generates from the lever registry, and it names every parameter with the default the engine uses.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LEVERS } from "../src/engine/levers.ts";
import { PARAMETER_KEYS, PARAMETER_TABLE } from "../src/engine/parameters.ts";
import { leversMarkdown, LEVERS_END, LEVERS_START, withLeversTable } from "../scripts/docs-levers.ts";

const METHODE = readFileSync(join(import.meta.dirname, "..", "docs", "methode.md"), "utf8");

describe("docs/methode.md", () => {
  it("holds the table of levers the registry gives (regenerate: npx tsx scripts/docs-levers.ts --write)", () => {
    const start = METHODE.indexOf(LEVERS_START);
    const end = METHODE.indexOf(LEVERS_END);
    expect(start).toBeGreaterThanOrEqual(0);
    expect(end).toBeGreaterThan(start);
    expect(METHODE.slice(start + LEVERS_START.length, end).trim()).toBe(leversMarkdown().trim());
    expect(withLeversTable(METHODE)).toBe(METHODE);
  });

  it("gives one row per lever of the registry, with its French name and its id", () => {
    const rows = leversMarkdown().split("\n").filter((l) => l.startsWith("| **"));
    expect(rows).toHaveLength(LEVERS.length);
    LEVERS.forEach((l, i) => expect(rows[i]).toContain(`**${l.label.fr}** (\`${l.id}\`)`));
  });

  it("describes every parameter of the engine in its parameters table", () => {
    const table = METHODE.slice(METHODE.indexOf("## Les paramètres"), METHODE.indexOf("## Les contributions volontaires"));
    const rows = new Map([...table.matchAll(/^\| `([A-Za-z]+)` \| ([^|]+) \|/gm)].map((m) => [m[1]!, m[2]!.trim()]));
    expect([...rows.keys()].sort()).toEqual([...PARAMETER_KEYS].sort());
    for (const key of PARAMETER_KEYS) {
      const info = PARAMETER_TABLE[key];
      const text = rows.get(key)!;
      if (info.kind === "boolean") expect(text, key).toBe(info.default ? "oui" : "non");
      else if (info.kind === "numbering") expect(text, key).toBe(`\`${info.default}\``);
      else {
        // The first number of the cell, in the unit users read: a share in per cent (or points), else as is.
        const shown = Number(/\d+(?:,\d+)?/.exec(text)?.[0]?.replace(",", "."));
        const expected = info.kind === "share" ? (info.default as number) * 100 : (info.default as number);
        expect(Math.abs(shown - expected), `${key}: « ${text} » for ${info.default}`).toBeLessThan(0.05);
      }
    }
  });
});
