// What the classifier's shortcuts for many distinct labels must keep: labels that differ only by words no keyword
// holds share their answers, and nothing else does.
import { describe, expect, it } from "vitest";
import { matchAccountTitle } from "./accountTitles.ts";
import { classify } from "./classify.ts";
import { compilePattern, foldAccents, KeywordIndex, tokenize } from "./text.ts";

const found = (index: KeywordIndex<string>, label: string) => index.matchAll(tokenize(label)).map((m) => [m.item, m.position, m.fuzzy]);

describe("labels of one shape", () => {
  it("« Salaires 12 » and « Salaires 13 » match alike, at the place of each word", () => {
    const index = new KeywordIndex(["salaire*", "charges sociales"].map((p) => ({ item: p, pattern: compilePattern(p) })));
    expect(found(index, "Salaires 12")).toEqual([["salaire*", 0, false]]);
    expect(found(index, "Salaires 13")).toEqual([["salaire*", 0, false]]);
    expect(found(index, "12 Salaires")).toEqual([["salaire*", 1, false]]);
    expect(found(index, "Salaires 12 charges sociales")).toEqual([["salaire*", 0, false], ["charges sociales", 2, false]]);
    expect(found(index, "Salaires charges sociales 12")).toEqual([["salaire*", 0, false], ["charges sociales", 1, false]]);
  });

  it("a word that only a phrase of its own holds is no placeholder: « État des lieux » is not « État des 12 »", () => {
    const index = new KeywordIndex([{ item: "etat", pattern: compilePattern("etat") }], new Set(), [compilePattern("etat des lieux")]);
    expect(found(index, "Etat des 12")).toEqual([["etat", 0, false]]);
    expect(found(index, "Etat des lieux")).toEqual([]);
    expect(found(index, "Etat des 13")).toEqual([["etat", 0, false]]);
  });

  it("a proper noun keeps its own reading: « Kermesse Marie 12 » reads no « mairie », « kermesse marie 12 » does", () => {
    const index = new KeywordIndex([{ item: "mairie", pattern: compilePattern("mairie*") }]);
    expect(found(index, "kermesse Marie 12")).toEqual([]);
    expect(found(index, "kermesse marie 12")).toEqual([["mairie", 1, true]]);
    expect(found(index, "kermesse Marie 13")).toEqual([]);
  });

  it("an account title is found alike whatever number follows it, and each caller gets its own answer", () => {
    const first = matchAccountTitle(tokenize("Locations immobilières 12"), ["6"]);
    expect(first).toEqual({ account: "6132", title: "Locations immobilières", cover: 1, hits: 2 });
    first!.account = "changed by a caller";
    expect(matchAccountTitle(tokenize("Locations immobilières 13"), ["6"])).toEqual({ account: "6132", title: "Locations immobilières", cover: 1, hits: 2 });
    expect(matchAccountTitle(tokenize("13 immobilières Locations"), ["6"])?.account).toBe("6132");
    // The classes asked are part of the question.
    expect(matchAccountTitle(tokenize("Locations immobilières 14"), ["7"])).toBeNull();
  });

  it("a trial balance's numbered labels read as their title, each with its own number in the reason", () => {
    const a = classify({ label: "Salaires 12", account: "641112", context: { sectionHint: "expense" } });
    const b = classify({ label: "Salaires 13", account: "641113", context: { sectionHint: "expense" } });
    expect([a.lever, a.confidence]).toEqual([b.lever, b.confidence]);
    expect(a.reason).toContain("641112");
    expect(b.reason).toContain("641113");
  });
});

describe("tokenize, by hand", () => {
  it("splits words written together, reads apostrophes and signs as spaces, keeps acronyms together", () => {
    expect(tokenize("SociétéGénérale d'HelloASSO – 12€").map((t) => t.raw)).toEqual(["Societe", "Generale", "d", "HelloASSO", "12"]);
    expect(tokenize("Œuvres’sociales").map((t) => t.text)).toEqual(["oeuvres", "sociales"]);
    expect(tokenize("")).toEqual([]);
    expect(tokenize(" - ' ")).toEqual([]);
  });

  it("tells proper nouns as before: capitalised among small letters, or two capitals in a hyphenated name", () => {
    const proper = (label: string) => tokenize(label).map((t) => t.proper === true);
    expect(proper("don de Marie")).toEqual([false, false, true]);
    expect(proper("Don De Marie")).toEqual([false, false, false]);
    expect(proper("DON Saint-Denis")).toEqual([false, true, true]);
    expect(proper("DON Saint-DENIS")).toEqual([false, true, false]);
    expect(proper("don Saint -Denis")).toEqual([false, true, true]);
    expect(proper("don saint-Denis")).toEqual([false, false, true]);
    expect(proper("don A-Denis")).toEqual([false, false, true]);
  });
});

describe("foldAccents, letter by letter", () => {
  const decomposed = (t: string) => t.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/œ/g, "oe").replace(/Œ/g, "OE").replace(/æ/g, "ae").replace(/Æ/g, "AE");
  it("folds every Latin letter as the whole text decomposed would", () => {
    for (let c = 0x80; c < 0x250; c++) {
      const text = `Ab${String.fromCharCode(c)}c ${String.fromCharCode(c)}`;
      expect(foldAccents(text), c.toString(16)).toBe(decomposed(text));
    }
  });
  it("takes the long way for marks written apart and other scripts", () => {
    for (const text of ["Cafe\u0301 e\u0327\u0301", "é\u0323", "Ǆ", "Ωμέγα", "ﬁnances", "Zoë 😀"]) expect(foldAccents(text), text).toBe(decomposed(text));
  });
});
