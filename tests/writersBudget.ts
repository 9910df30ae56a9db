// The budget every writer's fixture holds (tests/fixtures/writers/make.py and formats.py write the same six lines),
// as label and euros: the tests of each writer's files expect it read whole.
export const WRITERS_BUDGET_LINES: [string, number][] = [
  ["Achats de fournitures", 1000],
  ["Salaires et charges", 2500],
  ["Loyer du local", 1200],
  ["Subvention de la commune", 3000],
  ["Cotisations des adhérents", 2000],
  ["Dons des particuliers", 1700],
];
