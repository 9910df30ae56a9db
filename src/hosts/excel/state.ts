// Équilibre's machine state in the workbook's settings, with a schema version and a migration step
// (tldraw's pattern): an older state is brought up to date when read; an unreadable one is ignored.
export const STATE_KEY = "equilibre.state";

export interface StoredStateV1 {
  schemaVersion: 1;
  engineVersion: string;
  reportSheet: string;
  mappingSheet: string;
  leversSheet: string;
  parameters: Record<string, unknown>;
  language: "fr" | "en";
  ownSheets: string[];
  /** The cells Équilibre wrote in its sheets, by role (src/workbook/ownCells.ts); absent in states written before it. */
  ownCells?: Record<string, string>;
}

/** Version 0 (early previews) kept only `sheets`; version 1 names each sheet's role. */
interface StoredStateV0 {
  schemaVersion?: 0;
  sheets: string[];
  parameters?: Record<string, unknown>;
}

export function migrateState(raw: unknown): StoredStateV1 | null {
  let value: unknown = raw;
  if (typeof raw === "string") {
    try {
      value = JSON.parse(raw);
    } catch {
      return null;
    }
  }
  if (!value || typeof value !== "object") return null;
  const v = value as Partial<StoredStateV1> & Partial<StoredStateV0>;
  if (v.schemaVersion === 1 && Array.isArray(v.ownSheets)) return v as StoredStateV1;
  if ((v.schemaVersion === 0 || v.schemaVersion === undefined) && Array.isArray(v.sheets)) {
    const [report = "Équilibre", mapping = "Équilibre – lignes", levers = "Équilibre – leviers"] = v.sheets;
    return { schemaVersion: 1, engineVersion: "0", reportSheet: report, mappingSheet: mapping, leversSheet: levers, parameters: v.parameters ?? {}, language: "fr", ownSheets: v.sheets };
  }
  return null;
}
