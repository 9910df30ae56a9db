import { describe, expect, it } from "vitest";
import { nonLineKind } from "./lineKinds.ts";

describe("rows that are not lines", () => {
  it.each([
    ["Total", "total"],
    ["TOTAL DES CHARGES", "total"],
    ["Total recettes", "total"],
    ["Totaux", "total"],
    ["Montant total", "total"],
    ["Sous-total", "subtotal"],
    ["Sous total produits", "subtotal"],
    ["S/Total charges", "subtotal"],
    ["Résultat", "result"],
    ["Résultat prévisionnel", "result"],
    ["Excédent", "result"],
    ["Déficit de l'exercice", "result"],
    ["Report à nouveau", "result"],
    ["  total général ", "total"],
    ["Insuffisance prévisionnelle (perte)", "result"],
    ["Insuffisance", "result"],
    ["Excédent / Insuffisance", "result"],
    ["Excédent prévisionnel (bénéfice)", "result"],
    ["Perte prévisionnelle", "result"],
    ["Excédent 2022 reporté", "result"],
    ["Solde de l'exercice", "result"],
    ["Solde positif au 31/12/2023", "result"],
    ["Résultat net de l'exercice", "result"],
    ["Bénéfice", "result"],
    ["Solde", "result"],
  ])("%j is a %s", (label, kind) => {
    expect(nonLineKind(label)).toBe(kind);
  });
  it.each(["Pertes sur créances irrécouvrables", "Pertes de change", "Insuffisance d'isolation : travaux", "Achats totalement remboursés", "Subvention", "Soldes de tout compte des salariés", "Résidence d'artistes", "Excursion", "Totem de signalétique", "", "Solde subvention Région", "Solde de la subvention DRAC 2023", "Bénéfice loto", "Excédent buvette"])(
    "%j is an ordinary line",
    (label) => {
      expect(nonLineKind(label)).toBeNull();
    },
  );
});

describe("a total said in a sentence, a result with a note in brackets", () => {
  it.each([
    ["Les recettes se montent à", "total"],
    ["Le total des dépenses s'élève à", "total"],
    ["Les charges de l'exercice atteignent", "total"],
    ["Solde positif (reversé au GSP)", "result"],
    ["Résultat de l'exercice (affecté aux réserves)", "result"],
    ["Net income", "result"],
    ["Net movement in funds", "result"],
    ["Surplus / (deficit) for the year", "result"],
  ])("%j is a %s", (label, kind) => {
    expect(nonLineKind(label)).toBe(kind);
  });

  it.each(["Solde (subvention Région)", "Recettes de la buvette", "Dépenses de fonctionnement diverses", "Income from events"])("%j is an ordinary line", (label) => {
    expect(nonLineKind(label)).toBeNull();
  });
});

describe("a side word followed by « total » is a total", () => {
  it.each(["Revenu total", "Dépenses totales", "Produits totaux 2018", "Coût total", "Charges totales de l'exercice"])("« %s » is a total", (label) => {
    expect(nonLineKind(label)).toBe("total");
  });

  it.each(["Coût total du séjour par enfant", "Recettes du loto"])("« %s » is a line", (label) => {
    expect(nonLineKind(label)).toBeNull();
  });
});
