// « Charges de mission » (what an NGO's missions cost) and « Chargés de mission » (a post) read alike once accents
// are gone: typed without the accent, the plural is the costs, a charge asked to check — not the pay of a post read
// surely (issue 11: a blind NGO's accounts read nine years of mission costs as staff at 0.85).
import { expect, it } from "vitest";
import { classify, REVIEW_CONFIDENCE } from "./classify.ts";

const c = (label: string) => classify({ label, account: null, context: { sectionHint: "expense" } });

it.each(["Charges de mission", "CHARGES DE MISSION"])("« %s » is what missions cost, asked", (label) => {
  const r = c(label);
  expect(r.pillar).toBe("financial");
  expect(r.confidence).toBeLessThan(REVIEW_CONFIDENCE);
});

it.each(["Chargés de mission", "CHARGÉS DE MISSION", "Chargée de mission", "Salaire des chargés de mission"])("« %s » is a post's pay", (label) => {
  expect(c(label).lever).toBe("staff");
});
