// @vitest-environment happy-dom
// `npm run build -- --env publicUrl=…`: the manifest a treasurer uploads must name only the address where dist/ is
// served, and stay valid by the offline check (a localhost URL left in it would load nothing on their machine).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { manifestForPublicUrl, normalisePublicUrl } from "../scripts/manifest-url.mjs";
import { checkManifest } from "./manifestCheck.ts";

const root = join(import.meta.dirname, "..");
const manifest = readFileSync(join(root, "manifest.xml"), "utf8");
const urlsIn = (xml: string) => [...xml.matchAll(/(?:DefaultValue="|<AppDomain>)(https?:\/\/[^"<]+)/g)].map((m) => m[1]!);

describe("the production manifest", () => {
  it("points every URL at the public address, and passes the offline check", () => {
    const base = normalisePublicUrl("https://example.org/equilibre");
    expect(base).toBe("https://example.org/equilibre/");
    const prod = manifestForPublicUrl(manifest, base as string);
    const urls = urlsIn(prod);
    expect(urls.length).toBeGreaterThan(8);
    for (const url of urls) expect(url === "https://example.org" || url.startsWith("https://example.org/equilibre/")).toBe(true);
    expect(prod).not.toContain("localhost");
    expect(checkManifest(prod, root).errors).toEqual([]);
  });

  it("refuses an address Office could not load, with a sentence", () => {
    expect(normalisePublicUrl("http://example.org/")).toBeInstanceOf(Error);
    expect((normalisePublicUrl("http://example.org/") as Error).message).toMatch(/https:\/\//);
    expect(normalisePublicUrl("example.org")).toBeInstanceOf(Error);
    expect(normalisePublicUrl("https://example.org/?x=1")).toBeInstanceOf(Error);
  });
});
