// Baseline for the CLI benchmark: exceljs alone reads a workbook and writes it back.
import ExcelJS from "exceljs";

const [input, output] = process.argv.slice(2);
const wb = new ExcelJS.Workbook();
await wb.xlsx.readFile(input);
await wb.xlsx.writeFile(output);
