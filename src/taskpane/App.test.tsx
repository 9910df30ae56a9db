// @vitest-environment happy-dom
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { cleanup, configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { ReportPlan } from "../workbook/plan.ts";
import type { ApplyResult, WorkbookHost } from "../workbook/port.ts";
import type { PlannedSheet } from "../workbook/plan.ts";
import { parseAddress, type CellValue, type SheetSnapshot, type WorkbookSnapshot } from "../workbook/snapshot.ts";
import { frenchIn } from "../engine/i18n/typography.ts";
import { LEVERS } from "../engine/levers.ts";
import { App, type AppProps } from "./App.tsx";

const grid: CellValue[][] = [
  ["Poste", "Budget 2026"],
  ["CHARGES", null],
  ["Salaires animateurs", 40000],
  ["Salaire coordinatrice", 10000],
  ["Loyer", 6000],
  ["PRODUITS", null],
  ["Subvention Région", 30000],
  ["Subvention commune", 12000],
  ["Recettes diverses", 9000],
  ["Cotisations", 5000],
];

class MemoryHost implements WorkbookHost {
  readonly kind = "excel" as const;
  plans: ReportPlan[] = [];
  selected: string[] = [];
  async readSnapshot(): Promise<WorkbookSnapshot> {
    return {
      name: "asso.xlsx",
      sheets: [{ name: "Budget", visibility: "visible", protected: false, merges: [], rows: grid.map((r, i) => ({ index: i + 1, cells: r.map((value, j) => ({ col: j + 1, value })).filter((c) => c.value !== null) })) }],
    };
  }
  async apply(plan: ReportPlan): Promise<ApplyResult> {
    this.plans.push(plan);
    return { sheets: plan.sheets.map((s) => ({ role: s.role, name: s.name })), chartsWritten: true, warnings: [] };
  }
  async selectCell(sheet: string, cell: string): Promise<void> {
    this.selected.push(`${sheet}!${cell}`);
  }
}

/** A planned sheet as a host reads it back: values, and formulas as the values they give. */
function sheetOf(s: PlannedSheet): SheetSnapshot {
  const rows = new Map<number, { col: number; value: CellValue }[]>();
  for (const c of s.cells) {
    const { row, col } = parseAddress(c.ref)!;
    const value = (c.formula ? (c.expected ?? null) : (c.value ?? null)) as CellValue;
    if (value !== null && value !== "") rows.set(row, [...(rows.get(row) ?? []), { col, value }]);
  }
  return { name: s.name, visibility: "visible", protected: false, merges: [], rows: [...rows].sort((a, b) => a[0] - b[0]).map(([index, cells]) => ({ index, cells: cells.sort((a, b) => a.col - b.col) })) };
}

function mount(host = new MemoryHost(), lang: "fr" | "en" = "fr") {
  render(
    <FluentProvider theme={webLightTheme}>
      <App lang={lang} host={host} now={() => new Date(Date.UTC(2026, 10, 24))} />
    </FluentProvider>,
  );
  return host;
}

/** The standalone page: no host until a file is picked; `open` gives the host of each file in turn. */
function mountStandalone(open: AppProps["openFile"]) {
  render(
    <FluentProvider theme={webLightTheme}>
      <App lang="fr" host={null} openFile={open} now={() => new Date(Date.UTC(2026, 10, 24))} />
    </FluentProvider>,
  );
}
const pick = (name: string) => fireEvent.change(screen.getByTestId("file-input"), { target: { files: [new File([new Uint8Array([1])], name)] } });

afterEach(cleanup);
// The first analysis waits for the analysis kit's chunk: on a loaded machine that takes more than the default second.
configure({ asyncUtilTimeout: 15_000 });

// happy-dom cancels Fluent's Web Animations at unmount with an unhandled AbortError: animations are not
// what these tests check, so they finish at once.
beforeAll(() => {
  Element.prototype.animate = function () {
    const animation = { finished: Promise.resolve(), onfinish: null as null | (() => void), cancel() {}, play() {}, pause() {}, finish() {}, persist() {}, commitStyles() {}, addEventListener() {}, removeEventListener() {} };
    queueMicrotask(() => animation.onfinish?.());
    return animation as unknown as Animation;
  };
});

describe("the task pane", () => {
  it("shows the budget it found, then the model", async () => {
    mount();
    await screen.findByText(/1 budget trouvé dans « Budget »/);
    expect(screen.getByText("7 lignes · 0 totaux ignorés")).toBeTruthy();
    fireEvent.click(screen.getByRole("tab", { name: "Résultats" }));
    expect(screen.getByTestId("model-name").textContent).toBe("Modèle public");
    // The rules under the registry's names, the report's words; the budget's own totals come first.
    expect(screen.getByText("Tiers on top (67/33)")).toBeTruthy();
    // Parameters read the French way.
    expect((screen.getByLabelText("Taux horaire (€)") as HTMLInputElement).value).toBe("12,02");
    expect(screen.getByTestId("budget").textContent).toMatch(/Total des charges56\u00a0000\u00a0€.*Total des produits56\u00a0000\u00a0€.*Équilibre/);
    expect(screen.getByTestId("pillars").textContent).toMatch(/Ressources financières\d+\u00a0000\u00a0€publics 42\u00a0000\u00a0€ · privés 5\u00a0000\u00a0€ · activité/);
  });

  it("lists the lines to check first, selects a line's cell on click", async () => {
    const host = mount();
    await screen.findByText(/budget trouvé/);
    fireEvent.click(screen.getByRole("tab", { name: "Vérifier" }));
    expect(screen.getByText("1 ligne à vérifier")).toBeTruthy();
    const lines = screen.getAllByTestId("line");
    expect(within(lines[0]!).getByText("Recettes diverses")).toBeTruthy();
    fireEvent.click(within(lines[0]!).getByText("Recettes diverses"));
    await waitFor(() => expect(host.selected).toEqual(["Budget!B9"]));
  });

  it("a correction changes the results", async () => {
    mount();
    await screen.findByText(/budget trouvé/);
    fireEvent.click(screen.getByRole("tab", { name: "Résultats" }));
    const before = screen.getByTestId("model-name").parentElement!.textContent;
    fireEvent.click(screen.getByRole("tab", { name: "Vérifier" }));
    fireEvent.click(screen.getByRole("combobox", { name: "Levier — Recettes diverses" }));
    fireEvent.click(await screen.findByRole("option", { name: "Dons" }));
    fireEvent.click(screen.getByRole("tab", { name: "Résultats" }));
    const after = screen.getByTestId("model-name").parentElement!.textContent;
    expect(after).not.toBe(before);
    // « Recettes diverses » (9 000 €) become gifts: 42 000 € public, 14 000 € private.
    expect(after).toMatch(/75\s% de vos ressources sont publiques, 25\s% privées, 0\s% issues de votre activité/);
  });

  it("writes the report with the corrections and offers to go to it", async () => {
    const host = mount();
    await screen.findByText(/budget trouvé/);
    fireEvent.click(screen.getByRole("tab", { name: "Rapport" }));
    fireEvent.click(screen.getByRole("button", { name: "Écrire le rapport" }));
    await screen.findByText(/Le rapport est écrit/);
    expect(host.plans).toHaveLength(1);
    expect(host.plans[0]!.sheets.map((s) => s.name)).toEqual(["Équilibre", "Équilibre – lignes", "Équilibre – leviers", "Équilibre – scénarios"]);
    fireEvent.click(screen.getByRole("button", { name: "Aller au rapport" }));
    await waitFor(() => expect(host.selected).toContain("Équilibre!A1"));
  });

  it("the scenario step: a variation typed the French way moves the scenario's results, not the budget's; several scenarios side by side", async () => {
    mount();
    await screen.findByText(/budget trouvé/);
    fireEvent.click(screen.getByRole("tab", { name: "Scénarios" }));
    const percent = (await screen.findByRole("textbox", { name: "Variation (%) — Subventions publiques" })) as HTMLInputElement;
    expect(screen.getByTestId("scenario-model").textContent).toBe("Modèle public");
    fireEvent.change(percent, { target: { value: "-80" } });
    await waitFor(() => expect(screen.getByTestId("scenario-model").textContent).toBe("Modèle mixte public–privé"));
    expect(screen.getByText(/^après : 8\s400\s€$/)).toBeTruthy();
    expect(screen.getByTestId("scenario-sentences").textContent).toMatch(/en baisse de 80\u00a0%, votre part publique passe de 89\u00a0% à 63\u00a0%/);
    // A field that is not a number is said next to it, and what was typed stays.
    const euros = screen.getByRole("textbox", { name: "Variation (€) — Cotisations" }) as HTMLInputElement;
    fireEvent.change(euros, { target: { value: "5 000,5x" } });
    expect(screen.getByRole("alert").textContent).toMatch(/Tapez un nombre/);
    expect(euros.value).toBe("5 000,5x");
    fireEvent.change(euros, { target: { value: "5 000,50" } });
    expect(screen.queryByRole("alert")).toBeNull();
    // A second scenario, side by side with the first; the budget's own results are untouched.
    fireEvent.click(screen.getByRole("button", { name: "Nouveau scénario" }));
    fireEvent.change(screen.getByRole("textbox", { name: "Nom du scénario" }), { target: { value: "Sans subventions" } });
    fireEvent.change(screen.getByRole("textbox", { name: "Variation (%) — Subventions publiques" }), { target: { value: "-100" } });
    await waitFor(() => expect(screen.getByTestId("scenario-model").textContent).toBe("Modèle privé"));
    expect(screen.getByTestId("scenarios-side-by-side").textContent).toMatch(/BudgetScénario 1Sans subventions.*Modèle publicModèle mixte public–privéModèle privé/);
    fireEvent.change(screen.getByRole("combobox", { name: "Scénario affiché" }), { target: { value: "1" } });
    expect((screen.getByRole("textbox", { name: "Variation (%) — Subventions publiques" }) as HTMLInputElement).value).toBe("-80");
    fireEvent.click(screen.getByRole("tab", { name: "Résultats" }));
    expect(screen.getByTestId("model-name").textContent).toBe("Modèle public");
    fireEvent.click(screen.getByRole("tab", { name: "Scénarios" }));
    expect(((await screen.findByRole("textbox", { name: "Variation (€) — Cotisations" })) as HTMLInputElement).value).toBe("5 000,50");
    fireEvent.click(screen.getByRole("button", { name: "Supprimer ce scénario" }));
    expect(screen.queryByTestId("scenarios-side-by-side")).toBeNull();
    expect((screen.getByRole("textbox", { name: "Nom du scénario" }) as HTMLInputElement).value).toBe("Sans subventions");
  });

  it("« Enregistrer le scénario » writes it with the report; the pane opened again on that workbook shows it", async () => {
    // A host that keeps what it wrote: the next read sees the written sheets, values as Excel would show them.
    class KeepingHost extends MemoryHost {
      written: SheetSnapshot[] = [];
      override async readSnapshot(): Promise<WorkbookSnapshot> {
        const base = await super.readSnapshot();
        return { ...base, sheets: [...base.sheets, ...this.written] };
      }
      override async apply(plan: ReportPlan): Promise<ApplyResult> {
        this.written = plan.sheets.map(sheetOf);
        return super.apply(plan);
      }
    }
    const host = new KeepingHost();
    mount(host);
    await screen.findByText(/budget trouvé/);
    fireEvent.click(screen.getByRole("tab", { name: "Scénarios" }));
    fireEvent.change(await screen.findByRole("textbox", { name: "Variation (%) — Subventions publiques" }), { target: { value: "-80" } });
    fireEvent.change(screen.getByRole("textbox", { name: "Nom du scénario" }), { target: { value: "Région en baisse" } });
    fireEvent.change(screen.getByRole("textbox", { name: "Heures de bénévolat en plus" }), { target: { value: "1 000" } });
    fireEvent.click(screen.getByRole("button", { name: "Enregistrer le scénario" }));
    await screen.findByText("Les scénarios sont enregistrés dans le classeur, avec le rapport.");
    // In Excel: to the report, whose block « Avec votre scénario » now shows it.
    fireEvent.click(screen.getByRole("button", { name: "Aller au rapport" }));
    await waitFor(() => expect(host.selected).toContain("Équilibre!A1"));
    expect(host.plans).toHaveLength(1);
    expect(host.plans[0]!.sheets.find((x) => x.role === "scenarios")!.cells.some((c) => c.value === "Région en baisse")).toBe(true);
    // « Écrire le rapport » afterwards keeps the saved scenario (the sheet would otherwise be written empty).
    fireEvent.click(screen.getByRole("tab", { name: "Rapport" }));
    fireEvent.click(screen.getByRole("button", { name: "Écrire le rapport" }));
    await screen.findByText(/Le rapport est écrit/);
    expect(host.plans[1]!.sheets.find((x) => x.role === "scenarios")!.cells.some((c) => c.value === "Région en baisse")).toBe(true);
    cleanup();

    mount(host);
    await screen.findByText(/budget trouvé/);
    fireEvent.click(screen.getByRole("tab", { name: "Scénarios" }));
    expect(((await screen.findByRole("textbox", { name: "Nom du scénario" })) as HTMLInputElement).value).toBe("Région en baisse");
    expect((screen.getByRole("textbox", { name: "Variation (%) — Subventions publiques" }) as HTMLInputElement).value).toBe("-80");
    expect((screen.getByRole("textbox", { name: "Heures de bénévolat en plus" }) as HTMLInputElement).value).toBe("1000");
    await waitFor(() => expect(screen.getByTestId("scenario-model").textContent).not.toBe("Modèle public"));
  });

  it("« Comparer avec un autre classeur… »: the picked workbook is analysed in the pane and set against the open budget", async () => {
    // Last year: the Région gave 40 000 € and the rent was 18 000 €.
    const lastYear = new MemoryHost();
    const before = grid.map((r) => (r[0] === "Subvention Région" ? [r[0], 40000] : r[0] === "Loyer" ? [r[0], 18000] : r));
    lastYear.readSnapshot = async () => ({ name: "comptes-2025.xlsx", sheets: [{ name: "Budget", visibility: "visible", protected: false, merges: [], rows: before.map((r, i) => ({ index: i + 1, cells: r.map((value, j) => ({ col: j + 1, value })).filter((c) => c.value !== null) })) }] });
    const files: WorkbookHost[] = [new MemoryHost(), lastYear];
    mountStandalone(async () => files.shift()!);
    pick("asso.xlsx");
    await screen.findByText(/budget trouvé/);
    fireEvent.click(screen.getByRole("tab", { name: "Scénarios" }));
    fireEvent.change(await screen.findByTestId("compare-input"), { target: { files: [new File([new Uint8Array([1])], "comptes-2025.xlsx")] } });
    const result = await screen.findByTestId("compare-result");
    expect(result.textContent).toMatch(/Avantcomptes-2025\.xlsx \(« Budget 2026 »\)Aprèsasso\.xlsx/);
    expect(screen.getByTestId("compare-model").textContent).toBe("Le modèle reste « Modèle public ».");
    expect(result.textContent).toMatch(/Produits −10\s000\s€, charges −12\s000\s€ ; résultat −2\s000\s€ → 0\s€\./);
    expect([...screen.getByTestId("compare-lines").querySelectorAll("li")].map((li) => li.textContent)).toEqual([
      "Loyer (Services extérieurs) : 18\u00a0000\u00a0€ → 6\u00a0000\u00a0€ (−12\u00a0000\u00a0€)",
      "Subvention Région (Subventions publiques) : 40\u00a0000\u00a0€ → 30\u00a0000\u00a0€ (−10\u00a0000\u00a0€)",
    ]);
    fireEvent.click(screen.getByRole("button", { name: "Inverser avant et après" }));
    expect(screen.getByTestId("compare-result").textContent).toMatch(/Avantasso\.xlsx.*Produits \+10\s000\s€/);
    // A workbook with no budget is said in a sentence; the open budget stays as it was.
    const empty = new MemoryHost();
    empty.readSnapshot = async () => ({ name: "vide.xlsx", sheets: [{ name: "F", visibility: "visible", protected: false, merges: [], rows: [] }] });
    files.push(empty);
    fireEvent.change(screen.getByTestId("compare-input"), { target: { files: [new File([new Uint8Array([1])], "vide.xlsx")] } });
    await screen.findByText(/Aucun budget trouvé dans « vide\.xlsx »/);
    expect(screen.queryByTestId("compare-result")).toBeNull();
    expect(screen.getByTestId("scenario-model").textContent).toBe("Modèle public");
  });

  it("speaks English when Office does", async () => {
    mount(new MemoryHost(), "en");
    await screen.findByText(/1 budget found in/);
    fireEvent.click(screen.getByRole("tab", { name: "Results" }));
    expect(screen.getByTestId("model-name").textContent).toBe("Public model");
  });

  it("says clearly when there is no budget", async () => {
    const host = new MemoryHost();
    host.readSnapshot = async () => ({ name: "vide.xlsx", sheets: [{ name: "F", visibility: "visible", protected: false, merges: [], rows: [] }] });
    mount(host);
    await screen.findByText(/Aucun budget trouvé dans « vide\.xlsx »/);
  });

  it("offers a line the levers of its own section; moving it to another section is a choice of its own", async () => {
    mount();
    await screen.findByText(/budget trouvé/);
    fireEvent.click(screen.getByRole("tab", { name: "Vérifier" }));
    fireEvent.click(screen.getByRole("tab", { name: "Toutes" }));
    fireEvent.click(screen.getByRole("combobox", { name: "Levier — Subvention Région" }));
    const offered = (await screen.findAllByRole("option")).map((o) => o.textContent);
    const income = LEVERS.filter((l) => l.family === "income").map((l) => l.label.fr);
    expect(offered).toEqual([...income, "Changer de section…"]);
    expect(offered).not.toContain("Achats");
    // « Changer de section… » opens a second, labelled dropdown: the charges and the in-kind, by section.
    fireEvent.click(screen.getByRole("option", { name: "Changer de section…" }));
    fireEvent.click(await screen.findByRole("combobox", { name: "Levier d'une autre section — Subvention Région" }));
    expect(screen.getByRole("group", { name: "Charges" })).toBeTruthy();
    fireEvent.click(within(screen.getByRole("group", { name: "Charges" })).getByRole("option", { name: /^Achats/ }));
    const line = screen.getAllByTestId("line").find((l) => within(l).queryByText("Subvention Région"))!;
    await waitFor(() => expect(within(line).getByText("Charges")).toBeTruthy());
    expect(within(line).getByRole("combobox", { name: "Levier — Subvention Région" }).textContent).toBe("Achats");
  });

  it("labels every control: the confidence badge says what it is, the steps and the filter are named", async () => {
    mount();
    await screen.findByText(/budget trouvé/);
    expect(screen.getByRole("tablist", { name: "Étapes" })).toBeTruthy();
    fireEvent.click(screen.getByRole("tab", { name: "Vérifier" }));
    expect(screen.getByRole("tablist", { name: "Lignes montrées" })).toBeTruthy();
    const badges = screen.getAllByTestId("confidence").map((b) => b.textContent);
    expect(badges.length).toBeGreaterThan(0);
    for (const b of badges) expect(b).toMatch(/^Confiance \d+\u00a0%$/);
  });

  it("in English: English words, English numbers and no French in what the pane shows", async () => {
    const host = new MemoryHost();
    // The budget's own labels are the association's words, not the pane's: here without accents, so that any
    // French found is the pane's.
    const english: CellValue[][] = grid.map((r) => r.map((c) => (typeof c === "string" ? c.normalize("NFD").replace(/[\u0300-\u036f]/g, "") : c)));
    host.readSnapshot = async () => ({ name: "club.xlsx", sheets: [{ name: "Budget", visibility: "visible", protected: false, merges: [], rows: english.map((r, i) => ({ index: i + 1, cells: r.map((value, j) => ({ col: j + 1, value })).filter((c) => c.value !== null) })) }] });
    mount(host, "en");
    await screen.findByText(/1 budget found in “Budget”/);
    expect(screen.getByRole("tablist", { name: "Steps" })).toBeTruthy();
    const seen: string[] = [];
    for (const tab of ["Budget", "Review", "Results", "Report"]) {
      fireEvent.click(screen.getByRole("tab", { name: tab }));
      seen.push(document.body.textContent ?? "");
      for (const el of document.querySelectorAll("[aria-label]")) seen.push(el.getAttribute("aria-label")!);
    }
    // A line's lever list and the other-section choice, opened.
    fireEvent.click(screen.getByRole("tab", { name: "Review" }));
    fireEvent.click(screen.getByRole("tab", { name: "All" }));
    fireEvent.click(screen.getByRole("combobox", { name: "Lever — Subvention Region" }));
    seen.push(...(await screen.findAllByRole("option")).map((o) => o.textContent ?? ""));
    fireEvent.click(screen.getByRole("option", { name: "Move to another section…" }));
    fireEvent.click(await screen.findByRole("combobox", { name: "Lever of another section — Subvention Region" }));
    seen.push(...(await screen.findAllByRole("group")).map((g) => g.textContent ?? ""));
    expect(seen.flatMap((t) => frenchIn(t))).toEqual([]);
    fireEvent.click(screen.getByRole("tab", { name: "Results" }));
    expect((screen.getByLabelText("Hourly rate (€)") as HTMLInputElement).value).toBe("12.02");
  });

  it("in English, the scenario step: English words, English numbers, English sentences and hints", async () => {
    const host = new MemoryHost();
    const english: CellValue[][] = grid.map((r) => r.map((c) => (typeof c === "string" ? c.normalize("NFD").replace(/[\u0300-\u036f]/g, "") : c)));
    host.readSnapshot = async () => ({ name: "club.xlsx", sheets: [{ name: "Budget", visibility: "visible", protected: false, merges: [], rows: english.map((r, i) => ({ index: i + 1, cells: r.map((value, j) => ({ col: j + 1, value })).filter((c) => c.value !== null) })) }] });
    mount(host, "en");
    await screen.findByText(/1 budget found in “Budget”/);
    fireEvent.click(screen.getByRole("tab", { name: "Scenarios" }));
    fireEvent.change(await screen.findByRole("textbox", { name: "Change (%) — Public grants" }), { target: { value: "-80" } });
    fireEvent.change(screen.getByRole("textbox", { name: "Change (€) — Membership fees" }), { target: { value: "1,500.50" } });
    fireEvent.change(screen.getByRole("textbox", { name: "Volunteer hours to add" }), { target: { value: "abc" } });
    expect(screen.getByRole("alert").textContent).toBe("Type a number, e.g. “-20” or “5,000.50”.");
    fireEvent.click(screen.getByRole("button", { name: "New scenario" }));
    await screen.findByTestId("scenario-hints", {}, { timeout: 5000 });
    expect(screen.getByTestId("scenarios-side-by-side").textContent).toMatch(/BudgetScenario 1Scenario 2/);
    fireEvent.change(screen.getByRole("combobox", { name: "Scenario shown" }), { target: { value: "1" } });
    expect(screen.getByTestId("scenario-sentences").textContent).toMatch(/With €1,501 more in membership fees.*With “Public grants” down 80%, your public share goes from \d+% to \d+%/);
    const seen = [document.body.textContent ?? "", ...[...document.querySelectorAll("[aria-label]")].map((el) => el.getAttribute("aria-label")!)];
    expect(seen.flatMap((t) => frenchIn(t))).toEqual([]);
  });

  it("standalone: downloads the written workbook under the name and media type its host gives (an .xlsm for a macro workbook), not always « .xlsx »", async () => {
    class DownloadHost extends MemoryHost {
      output: Uint8Array | null = null;
      override async apply(plan: ReportPlan): Promise<ApplyResult> {
        this.output = new Uint8Array([1, 2, 3]);
        return super.apply(plan);
      }
      outputName = () => "asso - Équilibre.xlsm";
      outputType = () => "application/vnd.ms-excel.sheet.macroEnabled.12";
    }
    const blobs: Blob[] = [];
    const names: string[] = [];
    const url = vi.spyOn(URL, "createObjectURL").mockImplementation((b) => (blobs.push(b as Blob), "blob:rapport"));
    const click = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    try {
      mountStandalone(async () => new DownloadHost());
      pick("asso.xlsm");
      await screen.findByText(/budget trouvé/);
      fireEvent.click(screen.getByRole("tab", { name: "Rapport" }));
      fireEvent.click(screen.getByRole("button", { name: "Écrire le rapport" }));
      fireEvent.click(await screen.findByRole("button", { name: "Télécharger le classeur analysé" }));
      expect(names).toEqual(["asso - Équilibre.xlsm"]);
      // A Blob keeps its type in lower case (File API).
      expect(blobs.map((b) => b.type)).toEqual(["application/vnd.ms-excel.sheet.macroenabled.12"]);
    } finally {
      url.mockRestore();
      click.mockRestore();
    }
  });

  it("standalone: names the open file, shows line labels as text (no cell to go to), and an error alone", async () => {
    const files: (WorkbookHost | Error)[] = [new MemoryHost(), new Error("not a workbook")];
    mountStandalone(async () => {
      const next = files.shift()!;
      if (next instanceof Error) throw next;
      return next;
    });
    pick("asso.xlsx");
    await screen.findByText(/budget trouvé/);
    expect(screen.getByTestId("file-name").textContent).toBe("Classeur ouvert : asso.xlsx");
    fireEvent.click(screen.getByRole("tab", { name: "Vérifier" }));
    expect(within(screen.getAllByTestId("line")[0]!).queryByRole("button")).toBeNull();
    expect(screen.queryByTitle("Aller à la cellule")).toBeNull();
    // A second file that cannot be read: its error, and nothing left of the first workbook.
    pick("cassé.xlsx");
    await screen.findByText(/Une erreur inattendue est survenue/);
    expect(screen.getByTestId("file-name").textContent).toBe("Classeur ouvert : cassé.xlsx");
    expect(screen.queryByRole("tablist", { name: "Étapes" })).toBeNull();
    expect(screen.queryAllByTestId("line")).toEqual([]);
  });
});
