// Équilibre's machine state in the workbook: a very hidden sheet "_equilibre" whose A1 holds JSON
// (exceljs round-trips very hidden sheets; defined names it does not read back reliably).

export const STATE_SHEET = "_equilibre";

export interface StoredState {
  schemaVersion: number;
  ownSheets: string[];
  [key: string]: unknown;
}

/** The state from A1's text, or null when it is not Équilibre's. */
export function parseState(text: unknown): StoredState | null {
  if (typeof text !== "string") return null;
  try {
    const parsed = JSON.parse(text) as StoredState;
    return parsed && Array.isArray(parsed.ownSheets) ? parsed : null;
  } catch {
    return null;
  }
}
