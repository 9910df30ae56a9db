// A check of English output (used by the tests of every layer): French quotes, a space before a colon,
// French accents or common French words betray a string that was not translated.
/** What an English text must never hold: French quotes, a space before a colon, French words or accents. */
export function frenchIn(text: string): string[] {
  const t = text.replace(/Équilibre/g, "Equilibre");
  const out: string[] = [];
  if (/[«»]/.test(t)) out.push("« »");
  if (/[\s\u00a0\u202f][:;!?]/.test(t)) out.push("space before punctuation");
  if (/\d[\s\u00a0]%/.test(t)) out.push("space before %");
  if (/[àâçéèêëîïôûùœ]/i.test(t)) out.push("French accent");
  const words = t.toLowerCase().match(/[a-z']+/g) ?? [];
  const french = words.filter((w) => ["les", "des", "une", "vos", "votre", "pour", "dans", "avec", "sont", "est", "aucune", "il", "manque", "lignes", "fichier", "inconnue", "heures"].includes(w));
  if (french.length) out.push(`French words: ${french.join(", ")}`);
  return out;
}

