import { describe, expect, it } from "vitest";
import { compilePattern, editDistance, foldAccents, KeywordIndex, matchPattern, normalizeText, tokenize } from "./text.ts";

describe("text", () => {
  it("normalises accents, case, punctuation and spaces", () => {
    expect(normalizeText("  Mécénat d'Entreprises — ŒUVRES  ")).toBe("mecenat d entreprises oeuvres");
  });
  it("folds what needs folding and keeps plain ASCII as it is, asked once or again", () => {
    expect(foldAccents("Fournitures non stockables 12")).toBe("Fournitures non stockables 12");
    expect(foldAccents("Œuvres sociales, Mécénat")).toBe("OEuvres sociales, Mecenat");
    for (let i = 0; i < 2; i++) expect(normalizeText("Dons — Œuvres (été)")).toBe("dons oeuvres ete");
  });
  it("the keyword index answers the same for a label asked again, for a copy of its words, and for the same word in other cases", () => {
    const index = new KeywordIndex(["ANS", "subvention*"].map((p) => ({ item: p, pattern: compilePattern(p) })));
    const tokens = tokenize("Subvention ANS");
    const first = index.matchAll(tokens).map((m) => [m.item, m.position]);
    expect(first).toEqual([["ANS", 1], ["subvention*", 0]]);
    expect(index.matchAll(tokens).map((m) => [m.item, m.position])).toEqual(first);
    expect(index.matchAll([...tokens]).map((m) => [m.item, m.position])).toEqual(first);
    // « ans » in small letters is a word, not the acronym: a cache by the word must keep them apart.
    expect(index.matchAll(tokenize("depuis 3 ans")).map((m) => m.item)).toEqual([]);
    expect(index.matchAll([{ text: "ans", raw: "ANS" }]).map((m) => m.item)).toEqual(["ANS"]);
  });
  it("measures edit distance with transpositions", () => {
    expect(editDistance("subvention", "subventoin")).toBe(1);
    expect(editDistance("cotisation", "dotation")).toBe(3);
    expect(editDistance("abc", "abcdef", 1)).toBe(2);
  });
  it("matches words, prefixes, acronyms in capitals, and long words with one typo", () => {
    const t = tokenize("Subvension ANS pour les années 2026");
    expect(matchPattern(compilePattern("subvention*"), t)).toMatchObject({ position: 0, fuzzy: true });
    expect(matchPattern(compilePattern("ANS"), t)).toMatchObject({ position: 1, fuzzy: false });
    expect(matchPattern(compilePattern("ANS"), tokenize("depuis 3 ans"))).toBeNull();
    expect(matchPattern(compilePattern("pour les"), t)).toMatchObject({ position: 2, length: 2 });
    expect(matchPattern(compilePattern("dons"), tokenize("donc"))).toBeNull();
  });
  it("the keyword index finds what matchPattern finds", () => {
    const patterns = ["subvention*", "ANS", "pour les", "mairie", "conseil departemental"].map((p) => ({ item: p, pattern: compilePattern(p) }));
    const index = new KeywordIndex(patterns);
    for (const label of ["Subvension ANS pour les années", "Subv. Conseil Départemental", "MAIRIE de Foix", "rien"]) {
      const tokens = tokenize(label);
      const direct = patterns.filter((p) => matchPattern(p.pattern, tokens)).map((p) => p.item);
      expect(index.matchAll(tokens).map((m) => m.item)).toEqual(direct);
    }
  });

  it("an acronym pattern with a star matches the acronyms it opens, never a word", () => {
    const index = new KeywordIndex([{ item: "ape", pattern: compilePattern("APE*") }]);
    expect(index.matchAll(tokenize("APEF : sorties")).length).toBe(1);
    expect(index.matchAll(tokenize("APE de l'école")).length).toBe(1);
    expect(index.matchAll(tokenize("Apéritif")).length).toBe(0);
    expect(index.matchAll(tokenize("apel")).length).toBe(0);
    // Capitals with digits are a product's name (« FFP2 », « A4 »), not an acronym that opens another.
    const ff = new KeywordIndex([{ item: "ff", pattern: compilePattern("FF*") }]);
    expect(ff.matchAll(tokenize("FFDN")).length).toBe(1);
    expect(ff.matchAll(tokenize("Masques FFP2")).length).toBe(0);
    expect(matchPattern(compilePattern("FF*"), tokenize("FFP2"))).toBeNull();
  });

  it("a proper noun is matched exactly, never as a typo of a keyword: place names are not « mairie »", () => {
    const index = new KeywordIndex([{ item: "mairie", pattern: compilePattern("mairie*") }]);
    // Capitalised inside a label in small letters, or in a hyphenated name: a place, a person.
    for (const label of ["Sainte-Marie", "Tombola de Sainte Marie", "Kermesse de Marie", "Saint-Denis-de-la-Marie"]) {
      expect(index.matchAll(tokenize(label)), label).toEqual([]);
      expect(matchPattern(compilePattern("mairie*"), tokenize(label)), label).toBeNull();
    }
    // A typo in a word written as a word is still corrected; a proper noun still matches exactly.
    for (const label of ["Subvention marie", "MARIE", "Marie", "Subvention Mairie", "Sainte-Mairie"]) {
      expect(index.matchAll(tokenize(label)).length, label).toBe(1);
    }
    expect(tokenize("Tombola Sainte-Marie").map((t) => t.proper === true)).toEqual([false, true, true]);
    expect(tokenize("SUBVENTION SAINTE MARIE").some((t) => t.proper)).toBe(false);
  });

  it("a typo and a short ending still read as a keyword; four letters more make another word", () => {
    const index = new KeywordIndex([{ item: "commune", pattern: compilePattern("commune*") }, { item: "salarie", pattern: compilePattern("salarie*") }]);
    expect(index.matchAll(tokenize("Comunes"))).toMatchObject([{ item: "commune", fuzzy: true }]);
    expect(index.matchAll(tokenize("charges salariales"))).toMatchObject([{ item: "salarie", fuzzy: true }]);
    expect(index.matchAll(tokenize("Communiqués"))).toEqual([]);
  });

  it("a keyword inside a fixed phrase of its own, and shorter than it, is not read", () => {
    const index = new KeywordIndex([{ item: "interet", pattern: compilePattern("interet*") }, { item: "public", pattern: compilePattern("interet public") }], new Set(), [compilePattern("interet* genera*"), compilePattern("interet* public*")]);
    expect(index.matchAll(tokenize("Messages d'intérêt général"))).toEqual([]);
    expect(index.matchAll(tokenize("Intérêts généraux et intérêts du livret")).map((m) => m.position)).toEqual([3]);
    // A keyword as long as the phrase is the phrase read.
    expect(index.matchAll(tokenize("Intérêt public")).map((m) => m.item)).toEqual(["public"]);
  });
});
