// The user's files as the command meets them: formats it cannot read get a sentence and exit 2 (found by
// their bytes, whatever their name), pipes and devices never hang it, every write is atomic, a report never
// lands on an input, a macro workbook keeps .xlsm, and a folder is analysed in parallel with a row per file.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { FIXTURES_DIR } from "./fixtureExpectations.ts";
import { libreOfficeAvailable } from "./libreoffice.ts";

const ROOT = join(import.meta.dirname, "..");
const BIN = join(ROOT, "bin", "equilibre.mjs");
function run(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: "utf8", timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const CERFA = join(FIXTURES_DIR, "01-cerfa-12156-ateliers-du-quartier.xlsx");
const CLUB = join(FIXTURES_DIR, "02-club-sportif-recettes-depenses.xlsx");
const fresh = () => mkdtempSync(join(tmpdir(), "equilibre-files-"));
const csvRows = (path: string) =>
  readFileSync(path, "utf8")
    .trim()
    .split("\r\n")
    .slice(1)
    .map((l) => l.split(";"));

/**
 * A real workbook turned into a macro workbook: the macro content type and a VBA project part, as Excel writes them;
 * `typed: false` keeps the plain workbook type, as a library does that adds a VBA project to a file saved .xlsx.
 */
async function macroWorkbook(path: string, { typed = true } = {}): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(CERFA));
  let types = (await zip.file("[Content_Types].xml")!.async("string")).replace("</Types>", '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>');
  if (typed) types = types.replace("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "application/vnd.ms-excel.sheet.macroEnabled.main+xml");
  zip.file("[Content_Types].xml", types);
  zip.file("xl/vbaProject.bin", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 1, 2, 3, 4]));
  const rels = (await zip.file("xl/_rels/workbook.xml.rels")!.async("string")).replace(
    "</Relationships>",
    '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
  );
  zip.file("xl/_rels/workbook.xml.rels", rels);
  writeFileSync(path, await zip.generateAsync({ type: "uint8array" }));
}

describe("formats the command cannot read: exit 2 and what to do, found by the bytes", () => {
  const dir = fresh();
  const expectRefused = (file: string, words: RegExp) => {
    const r = run("analyze", file);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(words);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+|Error:/);
  };

  it("a CSV, even named .xlsx, says to save it as .xlsx from LibreOffice", () => {
    writeFileSync(join(dir, "budget.csv"), "Libellé;Montant\nLoyer;1200\n");
    writeFileSync(join(dir, "budget-csv.xlsx"), "Libellé;Montant\nLoyer;1200\n");
    expectRefused(join(dir, "budget.csv"), /fichier texte.*Fichier > Enregistrer sous…/);
    expectRefused(join(dir, "budget-csv.xlsx"), /fichier texte.*Fichier > Enregistrer sous…/);
  });

  it("an .xlsb (binary workbook) is named as such, not « le classeur est vide »", async () => {
    const zip = new JSZip();
    zip.file(
      "[Content_Types].xml",
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.bin" ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/></Types>',
    );
    zip.file("xl/workbook.bin", new Uint8Array([0x83, 0x01, 0x00]));
    writeFileSync(join(dir, "compta.xlsb"), await zip.generateAsync({ type: "uint8array" }));
    expectRefused(join(dir, "compta.xlsb"), /format Excel binaire \(\.xlsb\).*LibreOffice/);
  });

  it("an Excel add-in (.xlam) is refused with a sentence, and -o writes nothing (it became an .xlsm still declaring an add-in)", async () => {
    const zip = await JSZip.loadAsync(readFileSync(CERFA));
    const types = (await zip.file("[Content_Types].xml")!.async("string")).replace("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "application/vnd.ms-excel.addin.macroEnabled.main+xml");
    zip.file("[Content_Types].xml", types);
    writeFileSync(join(dir, "outil.xlam"), await zip.generateAsync({ type: "uint8array" }));
    const r = run("analyze", join(dir, "outil.xlam"), "-o", join(dir, "outil-rapport.xlsx"));
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/macro complémentaire Excel \(\.xlam\), pas un classeur.*Enregistrer sous…/);
    expect(readdirSync(dir).filter((f) => f.startsWith("outil-rapport"))).toEqual([]);
    expect(run("analyze", join(dir, "outil.xlam"), "--lang", "en").stderr).toMatch(/an Excel add-in \(\.xlam\), not a workbook/);
  });

  it("an encrypted workbook (an OLE2 container holding an EncryptedPackage) asks for a copy without a password", () => {
    const name = Buffer.from("EncryptedPackage", "utf16le");
    const bytes = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(500), name, Buffer.alloc(500)]);
    writeFileSync(join(dir, "secret.xlsx"), bytes);
    expectRefused(join(dir, "secret.xlsx"), /protégé par un mot de passe/);
  });

  it("a workbook whose bytes no longer match their CRC-32 (damaged on a USB key) is said damaged, not read with other amounts", async () => {
    const zip = await JSZip.loadAsync(readFileSync(CLUB));
    const sheet = Object.keys(zip.files).find((p) => /^xl\/worksheets\/[^/]+\.xml$/.test(p))!;
    const xml = await zip.file(sheet)!.async("string");
    const amount = /<v>(\d{3,})<\/v>/.exec(xml.slice(xml.indexOf("<sheetData")))!;
    const expectDamaged = (bytes: Uint8Array, name: string) => {
      writeFileSync(join(dir, name), bytes);
      expectRefused(join(dir, name), /contenu est endommagé/);
    };
    // Stored (uncompressed) parts: one digit of an amount changed, the CRC left as it was.
    const stored = Buffer.from(await zip.generateAsync({ type: "uint8array", compression: "STORE" }));
    const at = stored.indexOf(amount[0]) + 3;
    stored[at] = stored[at] === 0x39 ? 0x38 : 0x39;
    expectDamaged(stored, "stored-damaged.xlsx");
    // Deflated parts: the bytes inflate, but to something else than the directory's CRC-32 says.
    const deflated = Buffer.from(await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
    const central = deflated.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), deflated.lastIndexOf(Buffer.from(sheet)) - 46);
    expect(deflated.subarray(central + 46, central + 46 + sheet.length).toString()).toBe(sheet);
    deflated.writeUInt32LE(deflated.readUInt32LE(central + 16) ^ 1, central + 16);
    expectDamaged(deflated, "deflated-damaged.xlsx");
  });

  it("a file that is no workbook at all exits 2 with a sentence", () => {
    writeFileSync(join(dir, "photo.xlsx"), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0]));
    expectRefused(join(dir, "photo.xlsx"), /ne peut pas être lu comme un classeur Excel/);
  });

  describe.runIf(libreOfficeAvailable() || process.env.CI)("files LibreOffice writes", () => {
    let ods = "";
    let xls = "";
    beforeAll(() => {
      for (const to of ["ods", "xls"]) {
        const r = spawnSync("soffice", ["--headless", "--norestore", `-env:UserInstallation=file://${fresh()}`, "--convert-to", to, "--outdir", dir, CERFA], { encoding: "utf8", timeout: 180_000 });
        if (r.status !== 0) throw new Error(r.stderr);
      }
      ods = join(dir, "01-cerfa-12156-ateliers-du-quartier.ods");
      xls = join(dir, "01-cerfa-12156-ateliers-du-quartier.xls");
    }, 400_000);
    it("an .ods gets the LibreOffice sentence, even renamed .xlsx", () => {
      expectRefused(ods, /format OpenDocument \(\.ods\).*enregistrez-le au format \.xlsx depuis LibreOffice : Fichier > Enregistrer sous…/);
      copyFileSync(ods, join(dir, "renamed-ods.xlsx"));
      expectRefused(join(dir, "renamed-ods.xlsx"), /OpenDocument/);
    });
    it("an .xls (Excel 97-2003) gets its sentence, even renamed .xlsx", () => {
      expectRefused(xls, /Excel 97-2003 \(\.xls\).*LibreOffice/);
      copyFileSync(xls, join(dir, "renamed-xls.xlsx"));
      expectRefused(join(dir, "renamed-xls.xlsx"), /Excel 97-2003/);
    });
  });
});

describe("inputs that are not regular files never hang the command", () => {
  it("a FIFO exits 2 at once, whether anything writes into it or not", () => {
    const dir = fresh();
    const fifo = join(dir, "budget.xlsx");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    const r = run("analyze", fifo);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/n'est pas un fichier ordinaire/);
  });
  it.runIf(existsSync("/dev/zero"))("/dev/zero exits 2 instead of reading forever", () => {
    const r = run("analyze", "/dev/zero");
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/n'est pas un fichier ordinaire/);
  });
  it.runIf(process.getuid !== undefined && process.getuid() !== 0)("an unreadable file exits 2 with the reason (permissions)", () => {
    const dir = fresh();
    const f = join(dir, "budget.xlsx");
    copyFileSync(CERFA, f);
    spawnSync("chmod", ["000", f]);
    const r = run("analyze", f);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/l'accès est refusé/);
  });
});

describe("writing: atomic, never over an input, every file system error said", () => {
  it("a write that fails leaves the earlier report whole (the file size limit makes write() fail with EFBIG)", () => {
    const dir = fresh();
    const out = join(dir, "rapport.xlsx");
    expect(run("analyze", CERFA, "-o", out).code).toBe(0);
    const before = readFileSync(out);
    // 20 blocks of 512 bytes: far below a report; SIGXFSZ ignored, so write() returns EFBIG.
    const r = spawnSync("bash", ["-c", `ulimit -f 20; trap '' XFSZ; exec "${process.execPath}" "${BIN}" analyze "${CLUB}" -o "${out}"`], { encoding: "utf8", timeout: 120_000 });
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/n'a pas pu être écrit.*Aucun fichier existant n'a été abîmé/);
    expect(readFileSync(out).equals(before)).toBe(true);
    expect(readdirSync(dir)).toEqual(["rapport.xlsx"]);
  });

  it("-o into a folder that does not exist creates it", () => {
    const out = join(fresh(), "nouveau", "dossier", "rapport.xlsx");
    const r = run("analyze", CERFA, "-o", out);
    expect(r.code, r.stderr).toBe(0);
    expect(statSync(out).size).toBeGreaterThan(1000);
  });

  it("-o on a folder, or a name too long for the disk, exits 2 with the reason", () => {
    const dir = fresh();
    const asDir = run("analyze", CERFA, "-o", dir);
    expect(asDir.code, asDir.stderr).toBe(2);
    expect(asDir.stderr).toMatch(/c'est un dossier/);
    const long = run("analyze", CERFA, "-o", join(dir, `${"x".repeat(300)}.xlsx`));
    expect(long.code, long.stderr).toBe(2);
    expect(long.stderr).toMatch(/trop long/);
  });

  it("-o with a name Excel would not open as a workbook (.csv, .xls) exits 2 and names one; without an extension, .xlsx is added", () => {
    const dir = fresh();
    for (const [name, lang, words] of [
      ["rapport.csv", "fr", /classeur \.xlsx : « rapport\.csv » ne s'ouvrirait pas dans Excel.*« rapport\.xlsx »/],
      ["report.xls", "en", /an \.xlsx workbook: “report\.xls” would not open in Excel.*“report\.xlsx”/],
    ] as const) {
      const r = run("analyze", CERFA, "-o", join(dir, name), "--lang", lang);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(words);
    }
    expect(readdirSync(dir)).toEqual([]);
    const bare = run("analyze", CERFA, "-o", join(dir, "rapport"));
    expect(bare.code, bare.stderr).toBe(0);
    expect(bare.stderr).toMatch(/il est écrit dans « .*rapport\.xlsx »/);
    expect(readdirSync(dir)).toEqual(["rapport.xlsx"]);
  });

  it("says in English why a file is unreadable, with --lang en (the reason was French in the English sentence)", () => {
    const dir = fresh();
    writeFileSync(join(dir, "vide.xlsx"), "");
    writeFileSync(join(dir, "coupé.xlsx"), readFileSync(CERFA).subarray(0, 4000));
    const empty = run("analyze", join(dir, "vide.xlsx"), "--lang", "en");
    expect(empty.code).toBe(2);
    expect(empty.stderr.trim()).toBe("“vide.xlsx” cannot be read as an Excel workbook (.xlsx): the file is empty (0 bytes): check that it is the right file, or save it again from Excel.");
    const cut = run("analyze", join(dir, "coupé.xlsx"), "--lang", "en");
    expect(cut.code).toBe(2);
    expect(cut.stderr).toMatch(/: (its content is damaged|it is not an \.xlsx workbook)/);
    expect(cut.stderr).not.toMatch(/endommagé|classeur|\n\s+at /);
  });

  it("-o through a symbolic link or a hard link to the input is refused; the input is untouched", () => {
    const dir = fresh();
    const input = join(dir, "budget.xlsx");
    copyFileSync(CERFA, input);
    const original = readFileSync(input);
    symlinkSync(input, join(dir, "lien.xlsx"));
    linkSync(input, join(dir, "dur.xlsx"));
    for (const out of ["lien.xlsx", "dur.xlsx", "./budget.xlsx"]) {
      const r = run("analyze", input, "-o", join(dir, out));
      expect(r.code, out).toBe(2);
      expect(r.stderr).toMatch(/fichier d'entrée/);
    }
    expect(readFileSync(input).equals(original)).toBe(true);
  });

  it("a macro workbook keeps its macros: -o out.xlsx writes out.xlsm and says so", async () => {
    const dir = fresh();
    const input = join(dir, "budget.xlsm");
    await macroWorkbook(input);
    const r = run("analyze", input, "-o", join(dir, "out.xlsx"));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/contient des macros.*out\.xlsm/);
    expect(existsSync(join(dir, "out.xlsx"))).toBe(false);
    const zip = await JSZip.loadAsync(readFileSync(join(dir, "out.xlsm")));
    expect(await zip.file("[Content_Types].xml")!.async("string")).toContain("application/vnd.ms-excel.sheet.macroEnabled.main+xml");
    expect(zip.file("xl/vbaProject.bin")).not.toBeNull();
  });

  it("a VBA project in a workbook typed as a plain one (saved .xlsx by a library): the report is an .xlsm whose workbook says macro-enabled, else Excel refuses it", async () => {
    const dir = fresh();
    const input = join(dir, "budget.xlsx");
    await macroWorkbook(input, { typed: false });
    const r = run("analyze", input, "-o", join(dir, "out.xlsx"));
    expect(r.code, r.stderr).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(join(dir, "out.xlsm")));
    const types = await zip.file("[Content_Types].xml")!.async("string");
    expect(types).toMatch(/PartName="\/xl\/workbook\.xml" ContentType="application\/vnd\.ms-excel\.sheet\.macroEnabled\.main\+xml"/);
    expect(types).not.toContain("spreadsheetml.sheet.main+xml");
    expect(Buffer.from(await zip.file("xl/vbaProject.bin")!.async("uint8array"))).toEqual(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 1, 2, 3, 4]));
  });

  it("a summary that cannot be written is said before any workbook is analysed, in folder mode and with one workbook", () => {
    // A folder no one may write in, even root (sysfs): the old code analysed every workbook, then failed.
    const dir = fresh();
    copyFileSync(CERFA, join(dir, "a.xlsx"));
    for (const input of [dir, join(dir, "a.xlsx")]) {
      const r = run("analyze", input, "--summary", "/sys/synthese.csv");
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(/« synthese\.csv » n'a pas pu être écrit/);
      expect(r.stderr).not.toMatch(/\[1\/1\]|analysé/);
      expect(r.stdout).toBe("");
    }
  });

  it("--summary with one workbook writes that workbook's rows (not ignored), and never over the input", () => {
    const dir = fresh();
    const csv = join(dir, "une", "synthese.csv");
    const r = run("analyze", CERFA, "--summary", csv);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`Synthèse écrite dans « ${csv} »`);
    const rows = csvRows(csv);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row[0] === basename(CERFA) && row[1] === "ok")).toBe(true);
    const input = join(dir, "b.xlsx");
    copyFileSync(CERFA, input);
    const onInput = run("analyze", input, "--summary", input);
    expect(onInput.code).toBe(2);
    expect(onInput.stderr).toMatch(/fichier d'entrée/);
    expect(readFileSync(input).equals(readFileSync(CERFA))).toBe(true);
  });

  it("--summary in a folder that does not exist creates it", () => {
    const dir = fresh();
    copyFileSync(CERFA, join(dir, "a.xlsx"));
    const csv = join(dir, "sorties", "2026", "synthese.csv");
    const r = run("analyze", dir, "--summary", csv);
    expect(r.code, r.stderr).toBe(0);
    expect(csvRows(csv).map((row) => row.slice(0, 2).join(";"))).toEqual(["a.xlsx;ok"]);
  });
});

describe("a folder: parallel, a row for every file, reports never over inputs", () => {
  it("a folder with no workbook says so, and which files it set aside, in French and English", () => {
    const empty = fresh();
    const r = run("analyze", empty);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`Aucun classeur à analyser dans le dossier « ${basename(empty)} »`);
    // The summary that first run left in the folder is set aside (it is Équilibre's own), and said.
    const en = run("analyze", empty, "--lang", "en", "--summary", join(fresh(), "elsewhere.csv"));
    expect(en.code).toBe(3);
    expect(en.stderr).toContain("No workbook to analyse");
    expect(en.stderr).toContain("1 file(s) set aside");
  });

  it("-o into its own folder keeps a user's « …-equilibre.xlsx », tells a.xlsx from a.XLSX, and does not re-analyse its reports", async () => {
    const dir = fresh();
    copyFileSync(CERFA, join(dir, "a.xlsx"));
    copyFileSync(CLUB, join(dir, "a.XLSX"));
    // The user's own file, named like a report: an input, never overwritten.
    copyFileSync(CLUB, join(dir, "a-equilibre.xlsx"));
    const mine = readFileSync(join(dir, "a-equilibre.xlsx"));
    await macroWorkbook(join(dir, "m.xlsm"));
    writeFileSync(join(dir, "notes.pdf"), "%PDF-1.4");
    const first = run("analyze", dir, "-o", dir);
    expect(first.code, first.stderr).toBe(0);
    expect(readFileSync(join(dir, "a-equilibre.xlsx")).equals(mine)).toBe(true);
    const reports = readdirSync(dir).filter((f) => f.includes("-equilibre") && f !== "a-equilibre.xlsx");
    expect(reports.sort()).toEqual(["a-equilibre (2).xlsx", "a-equilibre (3).xlsx", "a-equilibre-equilibre.xlsx", "m-equilibre.xlsm"]);
    const rows = csvRows(join(dir, "equilibre-synthese.csv"));
    expect(rows.map((r) => `${r[0]};${r[1]}`)).toEqual(["a-equilibre.xlsx;ok", "a.xlsx;ok", "a.XLSX;ok", "m.xlsm;ok", "notes.pdf;ignoré"]);
    // One progress line per file, with its status.
    expect(first.stderr.split("\n").filter((l) => /^\[\d+\/5\] /.test(l))).toHaveLength(5);
    expect(first.stderr).toMatch(/\] notes\.pdf : ignoré/);

    // Run again in place: the reports of the first run are recognised, skipped, and refreshed where they were.
    const second = run("analyze", dir, "-o", dir);
    expect(second.code, second.stderr).toBe(0);
    expect(readdirSync(dir).filter((f) => f.includes("-equilibre") && f !== "a-equilibre.xlsx").sort()).toEqual(reports.sort());
    const again = csvRows(join(dir, "equilibre-synthese.csv"));
    expect(again.filter((r) => r[1] === "ok").map((r) => r[0])).toEqual(["a-equilibre.xlsx", "a.xlsx", "a.XLSX", "m.xlsm"]);
    expect(again.filter((r) => r[1] === "ignoré").map((r) => r[0])).toEqual(["a-equilibre (2).xlsx", "a-equilibre (3).xlsx", "a-equilibre-equilibre.xlsx", "m-equilibre.xlsm", "notes.pdf"]);
    expect(readFileSync(join(dir, "a-equilibre.xlsx")).equals(mine)).toBe(true);
    expect(second.stderr).toContain("m-equilibre.xlsm : ignoré (c'est le rapport d'une analyse précédente, que le nouveau remplace)");

    // Without -o nothing is written: the earlier reports are said to be skipped, not replaced.
    const third = run("analyze", dir, "--lang", "en");
    expect(third.code, third.stderr).toBe(0);
    expect(third.stderr).toContain("m-equilibre.xlsm: skipped (it is the report of an earlier analysis, not analysed again)");
    expect(third.stderr).not.toMatch(/replaces|\)\)$/m);
  });

  it("the summary of an earlier run (in French or English) is skipped as such, not an error row; a user's CSV still gets its sentence", () => {
    const dir = fresh();
    copyFileSync(CERFA, join(dir, "a.xlsx"));
    expect(run("analyze", dir).code).toBe(0);
    expect(run("analyze", dir, "--lang", "en", "--summary", join(dir, "summary-en.csv")).code).toBe(0);
    writeFileSync(join(dir, "budget.csv"), "Libellé;Montant\r\nLoyer;1200\r\n");
    const csv = join(fresh(), "synthese.csv");
    const r = run("analyze", dir, "--summary", csv);
    expect(r.code, r.stderr).toBe(0);
    const rows = csvRows(csv).map((row) => [row[0], row[1], row[row.length - 1]]);
    expect(rows.map((row) => `${row[0]};${row[1]}`)).toEqual(["a.xlsx;ok", "budget.csv;erreur", "equilibre-synthese.csv;ignoré", "summary-en.csv;ignoré"]);
    expect(rows[2]![2]).toBe("c'est la synthèse d'une analyse précédente");
    expect(rows[1]![2]).toMatch(/fichier texte/);
  });

  it("-o into a folder that does not exist creates it once: every file is analysed", () => {
    const dir = fresh();
    copyFileSync(CERFA, join(dir, "a.xlsx"));
    copyFileSync(CLUB, join(dir, "b.xlsx"));
    const out = join(dir, "rapports", "2026");
    const r = run("analyze", dir, "-o", out);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["a-equilibre.xlsx", "b-equilibre.xlsx"]);
  });

  it("the CSV is in file-name order whatever order the workers finish in", () => {
    const dir = fresh();
    mkdirSync(join(dir, "sub"));
    // The first file by name is the slowest: a journal; the others are small.
    for (const [i, f] of ["04-festival-budget-pluriannuel", "01-cerfa-12156-ateliers-du-quartier", "02-club-sportif-recettes-depenses", "03-balance-comptable-nature-en-garonne"].entries()) {
      copyFileSync(join(FIXTURES_DIR, `${f}.xlsx`), join(dir, `${String.fromCharCode(97 + i)}.xlsx`));
    }
    const r = run("analyze", dir);
    expect(r.code, r.stderr).toBe(0);
    const names = csvRows(join(dir, "equilibre-synthese.csv")).map((row) => row[0]);
    expect([...new Set(names)]).toEqual(["a.xlsx", "b.xlsx", "c.xlsx", "d.xlsx"]);
  });
});
