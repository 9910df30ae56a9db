// Payment platforms (« Stripe », « PayPal », « HelloAsso », « Twint »): they collect the money, they never give it.
// Among the charges they name their own fees; among the produits, the money they pass on (most often gifts or
// dues paid online), which the block or the account says better when there is one. One table, read by the classifier.
import { compilePattern, KeywordIndex, type Token } from "./text.ts";

const PLATFORMS = [
  "paypal", "pay pal", "stripe", "helloasso", "hello asso", "sumup", "sum up", "twint", "lydia", "payplug", "lemonway", "lemon way",
  "zettle", "izettle", "mollie", "paylib", "weezevent", "billetweb", "yapla", "assoconnect",
  // Kitties and crowdfunding platforms collect too: among the charges, their name is their fee.
  "leetchi", "le pot commun", "lepotcommun", "papayoux", "gofundme", "ulule", "kisskissbankbank", "kisskiss", "miimosa",
];

const INDEX = new KeywordIndex(PLATFORMS.map((p) => ({ item: p, pattern: compilePattern(p) })));

/** The payment platform the label names (exactly, never as a typo), or null. */
export function platformIn(tokens: readonly Token[]): string | null {
  return platformMatch(tokens)?.item ?? null;
}

/** True when the word at this position belongs to a platform's name (« Hello Asso » names no association). */
export function inPlatformName(tokens: readonly Token[], position: number): boolean {
  const m = platformMatch(tokens);
  return m !== null && position >= m.position && position < m.position + m.length;
}

function platformMatch(tokens: readonly Token[]) {
  return INDEX.matchAll(tokens).find((m) => !m.fuzzy) ?? null;
}
