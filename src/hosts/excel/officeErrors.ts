// Office error codes become sentences that say what to do (French and English, src/engine/errors.ts).
// The codes are the ones Excel really sends: Office.js's own (InvalidOperationInCellEditMode,
// RequestPayloadSizeLimitExceeded…), and those Excel on the web sends instead (InvalidOperation while a
// cell is edited, GeneralException for a payload over 5 MB, InsertDeleteConflict on a protected structure).
import { EquilibreError, isEquilibreError, type ErrorCode } from "../../engine/errors.ts";

const BY_CODE: Record<string, ErrorCode> = {
  InvalidOperationInCellEditMode: "office_cell_edit_mode",
  AccessDenied: "office_protected",
  InsertDeleteConflict: "office_workbook_protected",
  RequestPayloadSizeLimitExceeded: "office_too_large",
  ResponsePayloadSizeLimitExceeded: "office_too_large",
  PayloadTooLarge: "office_too_large",
  InactiveWorkbook: "office_inactive_workbook",
  ItemAlreadyExists: "office_changed",
  ItemNotFound: "office_changed",
  ActivityLimitReached: "office_busy",
  InvalidOrTimedOutSession: "office_session_expired",
  WriteNotSupportedWhenModalDialogOpen: "office_dialog_open",
};

export function mapOfficeError(e: unknown): EquilibreError {
  if (isEquilibreError(e)) return e;
  const code = typeof e === "object" && e !== null && "code" in e ? String((e as { code: unknown }).code) : "";
  const message = e instanceof Error ? e.message : typeof e === "object" && e !== null && "message" in e ? String((e as { message: unknown }).message) : String(e);
  const mapped = BY_CODE[code];
  if (mapped) return new EquilibreError(mapped, {}, { cause: e });
  if (code === "InvalidOperation") return new EquilibreError(/cell.?edit|edit mode|modification de cellule|saisie/i.test(message) ? "office_cell_edit_mode" : "office_invalid_operation", {}, { cause: e });
  if (code === "GeneralException" && /payload|size limit|too large|taille/i.test(message)) return new EquilibreError("office_too_large", {}, { cause: e });
  if (code === "GeneralException" && /protect/i.test(message)) return new EquilibreError("office_protected", {}, { cause: e });
  return new EquilibreError("office_unknown", { detail: code || message.slice(0, 120) }, { cause: e });
}
