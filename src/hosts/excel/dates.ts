// Dates in Excel are serial numbers that only their number format marks as dates. The file host gives them
// as ISO dates ("2026-01-15", from the number formats of styles.xml), so the Excel host must too: the same rule —
// a number format with a date or time letter outside quotes and brackets is a date — and the same
// conversion (days since 1899-12-30, rounded to the millisecond, as a UTC calendar day).

/** True when a number format shows a date or a time ("m/d/yyyy", "dd/mm/yy", "[$-40C]d mmmm yyyy"…). */
export function isDateFormat(format: unknown): boolean {
  if (typeof format !== "string" || format === "" || format === "General" || format === "@") return false;
  const bare = format.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return /[ymdhMsb]+/.test(bare);
}

/** An Excel serial (1900 date system) → "YYYY-MM-DD", or null when it is no date. */
export function serialToIsoDate(serial: number): string | null {
  if (!Number.isFinite(serial)) return null;
  const d = new Date(Math.round((serial - 25569) * 86_400_000));
  return Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10);
}
