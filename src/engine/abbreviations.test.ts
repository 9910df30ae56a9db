import { describe, expect, it } from "vitest";
import { ABBREVIATIONS, expandAbbreviations } from "./abbreviations.ts";

/** Every rule tried on every label, as expandAbbreviations did before it skipped the rules a label cannot match. */
function expandedByEveryRule(label: string): string {
  let out = label;
  for (const a of ABBREVIATIONS) {
    const acronym = a.short === a.short.toUpperCase() && /[A-Z]/.test(a.short);
    // Any abbreviation ends at its full stop when it has one, whatever follows (« Loc.salle », « Cotis.adh. »).
    const body = a.short.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") + (a.dotted ? "\\." : "(?:\\.|(?![\\p{L}\\p{N}]))");
    out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${body}`, acronym ? "gu" : "giu"), ` ${a.long} `);
  }
  return out.replace(/\s{2,}/g, " ").trim();
}

describe("expandAbbreviations", () => {
  it("writes out a treasurer's abbreviations", () => {
    expect(expandAbbreviations("Remb. assur. AG")).toBe("remboursement assurance assemblée générale");
    expect(expandAbbreviations("PAF CD distribués")).toBe("participation aux frais CD distribués");
    expect(expandAbbreviations("part des adhérents")).toBe("part des adhérents");
    expect(expandAbbreviations("Loc.salle")).toBe("location salle");
    expect(expandAbbreviations("Abt Wanadoo")).toBe("abonnement Wanadoo");
    // Written together, each ends at its full stop: no stray « . » between the words.
    expect(expandAbbreviations("Cotis.adh.")).toBe("cotisation adhésion");
    expect(expandAbbreviations("loc salle")).toBe("location salle");
  });

  it("no long form holds another abbreviation as a word (a rule skipped for a label cannot match what others write)", () => {
    for (const a of ABBREVIATIONS) expect(expandedByEveryRule(` ${a.long} `)).toBe(a.long);
  });

  it("gives what every rule tried in turn gives, on labels with and without abbreviations, in any case and script", () => {
    const labels = [
      "Subv. Mairie", "SUBV MAIRIE", "subvs 2025", "Cotis.adh.", "Rembt frais km", "IK bénévoles", "ik", "Frs. divers", "FRS",
      "Sté Générale", "STÉ GÉNÉRALE", "Dépl. AGO", "depl.", "Loc. salle", "location", "Manifs été", "Particip. familles", "Partic.",
      "Fourn. bureau", "fourn", "Invest.", "Fonct.", "Indemn. stagiaires", "Assur.", "Rbt", "rbst", "Fournitures non stockables 12",
      "ſubv. (long s)", "\u212am (Kelvin sign)", "Re\u0301mb. (combining accent)", "", "   ", "PAF/AG", "AG-AGO", "remb.remb.",
      // Where each rule is tried only if the label holds its abbreviation between word boundaries, with its full stop:
      "İstanbul subv. (a letter that lower-cases longer)", "xsubv.", "subvx", "subv2", "2subv", "éfourn. bureau", "fourn.x", "Fourn",
      "assur.ance", "ASSUR.", "km.", "12km", "Stéphane", "ÉsubvÉ", "subv.km", "loc.loc. loc", "AGOs", "àAG", "part.", "Part",
    ];
    for (const label of labels) expect(expandAbbreviations(label)).toBe(expandedByEveryRule(label));
  });
});
