// @vitest-environment happy-dom
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkManifest } from "./manifestCheck.ts";

const root = join(import.meta.dirname, "..");
const manifest = readFileSync(join(root, "manifest.xml"), "utf8");

describe("manifest.xml (offline check)", () => {
  it("passes every check", () => {
    expect(checkManifest(manifest, root).errors).toEqual([]);
  });
  it("catches what Microsoft's validator would refuse", () => {
    const broken = manifest
      .replace(/<Id>[^<]+<\/Id>/, "<Id>not-a-guid</Id>")
      .replace("<Permissions>ReadWriteDocument</Permissions>", "<Permissions>Everything</Permissions>")
      .replace('resid="Taskpane.Url"', 'resid="Nowhere.Url"')
      .replace("https://localhost:3000/assets/icon-32.png\"/>\n  <HighResolutionIconUrl", "http://localhost:3000/assets/icon-32.png\"/>\n  <HighResolutionIconUrl");
    const errors = checkManifest(broken, root).errors;
    expect(errors).toEqual(
      expect.arrayContaining([
        "Id must be a GUID",
        "Permissions must be ReadWriteDocument",
        "resid Nowhere.Url does not resolve",
        "IconUrl DefaultValue is not https: http://localhost:3000/assets/icon-32.png",
      ]),
    );
    const reordered = manifest.replace(/(<Version>[^<]+<\/Version>)\s*(<ProviderName>[^<]+<\/ProviderName>)/, "$2$1");
    expect(checkManifest(reordered, root).errors).toContain("<Version> must come before <ProviderName>");
    expect(checkManifest("<OfficeApp><Id>", root).errors).toEqual(["not well-formed XML"]);
  });
});
