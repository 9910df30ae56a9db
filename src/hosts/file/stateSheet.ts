// Équilibre's machine state in the workbook: a very hidden sheet "_equilibre" whose A1 holds JSON
// (a sheet rather than defined names, which some spreadsheet libraries, exceljs among them, do not read back reliably).

export const STATE_SHEET = "_equilibre";

/**
 * The state sheet is Équilibre's only when its A1 holds Équilibre's state: a user's own sheet called
 * "_equilibre" is never touched, and the state then goes to "_equilibre2" (or the next free name).
 */
export function isStateSheetName(name: string): boolean {
  return /^_equilibre\d*$/i.test(name);
}

/** The first name free for the state sheet. */
export function freeStateSheetName(taken: readonly string[]): string {
  const used = new Set(taken.map((t) => t.toLowerCase()));
  if (!used.has(STATE_SHEET)) return STATE_SHEET;
  for (let n = 2; ; n++) if (!used.has(`${STATE_SHEET}${n}`)) return `${STATE_SHEET}${n}`;
}

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
