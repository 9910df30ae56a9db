// The file host behind the port, for the browser's standalone mode: an .xlsx in memory, read, analysed,
// written back as a new file to download (the package read is the one written: unzipped once). Loaded
// lazily, so the in-Excel bundle does not carry the .xlsx reader and writer.
import type { ReportPlan } from "../../workbook/plan.ts";
import type { ApplyResult, WorkbookHost } from "../../workbook/port.ts";
import type { WorkbookSnapshot } from "../../workbook/snapshot.ts";
import { writeReportBuffer } from "./applyPlan.ts";
import { readWorkbook } from "./readSnapshot.ts";
import type { XlsxPackage } from "./xlsxPackage.ts";

export class FileHost implements WorkbookHost {
  readonly kind = "file" as const;
  /** The analysed workbook, once the report is written. */
  output: Uint8Array | null = null;
  /** The package of the last snapshot read, handed to the next write. */
  private opened: XlsxPackage | null = null;

  constructor(
    private bytes: Uint8Array,
    readonly fileName: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async readSnapshot(): Promise<WorkbookSnapshot> {
    const { snapshot, pkg } = await readWorkbook(this.output ?? this.bytes, this.fileName);
    this.opened = pkg;
    return snapshot;
  }

  async apply(plan: ReportPlan): Promise<ApplyResult> {
    const opened = this.opened;
    this.opened = null;
    const { bytes, result } = await writeReportBuffer(opened ?? this.output ?? this.bytes, plan, this.now());
    this.output = bytes;
    return result;
  }

  async selectCell(): Promise<void> {}

  /** The name the analysed copy is downloaded under. */
  outputName(): string {
    return this.fileName.replace(/\.xlsx$/i, "") + " - Équilibre.xlsx";
  }
}
