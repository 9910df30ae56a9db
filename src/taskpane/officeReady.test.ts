import { describe, expect, it } from "vitest";
import { officeReady } from "./officeReady.ts";

describe("starting the pane", () => {
  it("falls back to standalone when office.js loads but Office.onReady never answers", async () => {
    const silent = { onReady: () => undefined };
    expect(await officeReady(silent, 20)).toBeNull();
  });

  it("uses Office's answer when it comes, and standalone without office.js", async () => {
    const info = { host: "Excel", platform: "OfficeOnline" };
    expect(await officeReady({ onReady: (cb) => setTimeout(() => cb(info), 5) }, 1_000)).toBe(info);
    expect(await officeReady(undefined)).toBeNull();
    expect(await officeReady({ onReady: () => { throw new Error("outside Office"); } }, 1_000)).toBeNull();
  });
});
