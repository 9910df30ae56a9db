// The file host behind the port, for the browser's standalone mode: an .xlsx in memory, read, analysed,
// written back as a new file to download (the package read is the one written: unzipped once). Loaded
// lazily, so the in-Excel bundle does not carry the .xlsx reader and writer.
import type { ReportPlan } from "../../workbook/plan.ts";
import type { ApplyResult, WorkbookHost } from "../../workbook/port.ts";
import type { WorkbookSnapshot } from "../../workbook/snapshot.ts";
import { applyReportPlan } from "./applyPlan.ts";
import { readWorkbook } from "./readSnapshot.ts";
import { FILE_TYPE, isMacroPackage, typeWorkbookFor } from "./workbookType.ts";
import type { XlsxPackage } from "./xlsxPackage.ts";

export class FileHost implements WorkbookHost {
  readonly kind = "file" as const;
  /** The analysed workbook, once the report is written. */
  output: Uint8Array | null = null;
  /** The package of the last snapshot read, handed to the next write. */
  private opened: XlsxPackage | null = null;
  /** The workbook runs macros: its report downloads as an .xlsm (an .xlsx holding a VBA project, Excel refuses). */
  private macro = false;

  constructor(
    private bytes: Uint8Array,
    readonly fileName: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async readSnapshot(): Promise<WorkbookSnapshot> {
    const { snapshot, pkg } = await readWorkbook(this.output ?? this.bytes, this.fileName);
    this.opened = pkg;
    this.macro = await isMacroPackage(pkg);
    return snapshot;
  }

  async apply(plan: ReportPlan): Promise<ApplyResult> {
    const opened = this.opened;
    this.opened = null;
    const { pkg, result } = await applyReportPlan(opened ?? this.output ?? this.bytes, plan, this.now());
    // The workbook part typed as the download's extension says, as the command does for the file it writes.
    await typeWorkbookFor(pkg, this.outputName());
    this.output = await pkg.generate();
    return result;
  }

  async selectCell(): Promise<void> {}

  /** The name the analysed copy is downloaded under: an .xlsm for a workbook with macros, an .xlsx otherwise. */
  outputName(): string {
    return `${this.fileName.replace(/\.xls[xm]$/i, "")} - Équilibre.${this.macro ? "xlsm" : "xlsx"}`;
  }

  /** The media type of the download, which follows its extension (a browser or a mail client may go by it). */
  outputType(): string {
    return FILE_TYPE[this.macro ? "xlsm" : "xlsx"];
  }
}
