// The manifest for a production address: manifest.xml names the development server (https://localhost:3000/);
// `npm run build -- --env publicUrl=https://…/` writes dist/manifest.xml with every URL at that address instead.
const DEV_BASE = "https://localhost:3000/";

/** The address as the manifest needs it (https, no query, ending in "/"), or an Error whose message says why not. */
export function normalisePublicUrl(raw) {
  let url;
  try {
    url = new URL(String(raw));
  } catch {
    return new Error(`publicUrl « ${raw} » n'est pas une adresse complète : écrivez-la comme https://exemple.org/equilibre/`);
  }
  if (url.protocol !== "https:") return new Error(`publicUrl doit commencer par https:// (Office ne charge un complément qu'en HTTPS) : « ${raw} »`);
  if (url.search || url.hash) return new Error(`publicUrl ne doit contenir ni « ? » ni « # » : « ${raw} »`);
  if (!url.pathname.endsWith("/")) url.pathname += "/";
  return url.href;
}

/** manifest.xml with the development address replaced by `base` (already normalised); AppDomain gets its origin. */
export function manifestForPublicUrl(xml, base) {
  const origin = new URL(base).origin;
  return xml
    .replace(/<AppDomain>https:\/\/localhost:3000\/?<\/AppDomain>/g, `<AppDomain>${origin}</AppDomain>`)
    .split(DEV_BASE)
    .join(base);
}
