// Another association named alone among the charges (« Fondation du Patrimoine », « Association des Amis du Vieux
// Moulin », « Comité des fêtes »), nothing said for what: what one association pays another is most often its
// membership, a tie of the network (alliances), asked — not an unclassed service. A club is as often one of the
// association's own activities (« Club biblique »): not read so.
import { expect, it } from "vitest";
import { classify, REVIEW_CONFIDENCE } from "./classify.ts";

const c = (label: string) => classify({ label, account: null, context: { sectionHint: "expense" } });

it.each(["Fondation du Patrimoine", "Association des Amis du Vieux Moulin", "Comité des fêtes de Saussy"])("« %s » among the charges is its membership, asked", (label) => {
  const r = c(label);
  expect(r).toMatchObject({ lever: "network_dues", pillar: "alliances" });
  expect(r.confidence).toBeLessThan(REVIEW_CONFIDENCE);
});

it.each(["Club biblique", "Club photo"])("« %s » is not read as another body", (label) => {
  expect(c(label).lever).not.toBe("network_dues");
});
