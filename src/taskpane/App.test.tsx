// @vitest-environment happy-dom
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ReportPlan } from "../workbook/plan.ts";
import type { ApplyResult, WorkbookHost } from "../workbook/port.ts";
import type { CellValue, WorkbookSnapshot } from "../workbook/snapshot.ts";
import { App } from "./App.tsx";

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

function mount(host = new MemoryHost(), lang: "fr" | "en" = "fr") {
  render(
    <FluentProvider theme={webLightTheme}>
      <App lang={lang} host={host} now={() => new Date(Date.UTC(2026, 10, 24))} />
    </FluentProvider>,
  );
  return host;
}

afterEach(cleanup);

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
    expect(host.plans[0]!.sheets.map((s) => s.name)).toEqual(["Équilibre", "Équilibre – lignes", "Équilibre – leviers"]);
    fireEvent.click(screen.getByRole("button", { name: "Aller au rapport" }));
    await waitFor(() => expect(host.selected).toContain("Équilibre!A1"));
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
});
