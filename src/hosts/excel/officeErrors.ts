// Office error codes become French sentences that say what to do.
import { EquilibreError, isEquilibreError, type ErrorCode } from "../../engine/errors.ts";

const BY_CODE: Record<string, ErrorCode> = {
  InvalidOperationInCellEditMode: "office_cell_edit_mode",
  AccessDenied: "office_protected",
  RequestPayloadSizeLimitExceeded: "office_too_large",
  ResponsePayloadSizeLimitExceeded: "office_too_large",
  PayloadTooLarge: "office_too_large",
  InactiveWorkbook: "office_inactive_workbook",
  ItemAlreadyExists: "office_changed",
  ItemNotFound: "office_changed",
};

export function mapOfficeError(e: unknown): EquilibreError {
  if (isEquilibreError(e)) return e;
  const code = typeof e === "object" && e !== null && "code" in e ? String((e as { code: unknown }).code) : "";
  const mapped = BY_CODE[code];
  if (mapped) return new EquilibreError(mapped, {}, { cause: e });
  return new EquilibreError("office_unknown", { detail: code || (e instanceof Error ? e.message : String(e)).slice(0, 120) }, { cause: e });
}
