// The file host behind the port, for the browser's standalone mode: an .xlsx in memory, read, analysed,
// written back as a new file to download. Loaded lazily, so the in-Excel bundle does not carry exceljs.
import type { ReportPlan } from "../../workbook/plan.ts";
import type { ApplyResult, WorkbookHost } from "../../workbook/port.ts";
import type { WorkbookSnapshot } from "../../workbook/snapshot.ts";
import { writeReportBuffer } from "./applyPlan.ts";
import { readSnapshotFromBuffer } from "./readSnapshot.ts";

export class FileHost implements WorkbookHost {
  readonly kind = "file" as const;
  /** The analysed workbook, once the report is written. */
  output: Uint8Array | null = null;

  constructor(
    private bytes: Uint8Array,
    readonly fileName: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  readSnapshot(): Promise<WorkbookSnapshot> {
    return readSnapshotFromBuffer(this.output ?? this.bytes, this.fileName);
  }

  async apply(plan: ReportPlan): Promise<ApplyResult> {
    const { bytes, result } = await writeReportBuffer(this.output ?? this.bytes, plan, this.now());
    this.output = bytes;
    return result;
  }

  async selectCell(): Promise<void> {}

  /** The name the analysed copy is downloaded under. */
  outputName(): string {
    return this.fileName.replace(/\.xlsx$/i, "") + " - Équilibre.xlsx";
  }
}
