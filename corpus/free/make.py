#!/usr/bin/python3
"""Builds the held-out « free layout » workbooks in corpus/free/ from the corpus budgets.

Each workbook is written by openpyxl into _raw/; the ones marked RECALC are then run through
LibreOffice (soffice --headless --convert-to xlsx) so that their formulas get cached values, the others
are copied as openpyxl wrote them (formulas without cached values). A <name>.key.json is written beside
each workbook: the amount cells that are budget lines (with the corpus answer) and those that are not.

Usage: /usr/bin/python3 make.py
"""
import json
import os
import shutil
import subprocess
import sys

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

HERE = os.path.dirname(os.path.abspath(__file__))
RAW = os.path.join(os.path.dirname(HERE), "free_build", "raw")  # openpyxl output, kept outside the test folder
CONV = os.path.join(os.path.dirname(HERE), "free_build", "conv")  # LibreOffice output
BUDGETS = os.path.join(os.path.dirname(HERE), "budgets")

EUR = '#,##0.00 "€"'
EUR0 = '#,##0 "€"'
BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
ITAL = Font(italic=True)
GREY = PatternFill("solid", fgColor="D9D9D9")
BLUE = PatternFill("solid", fgColor="DDEBF7")
YELLOW = PatternFill("solid", fgColor="FFF2CC")
THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
TOPLINE = Border(top=THIN)


def load(bid):
    with open(os.path.join(BUDGETS, bid + ".json"), encoding="utf-8") as f:
        return json.load(f)


def flat(block):
    out = []
    for l in block["lines"]:
        if "chapter" in l:
            out.extend(l["lines"])
        else:
            out.append(l)
    return out


def blocks(b, section):
    return [bl for bl in b["blocks"] if bl["section"] == section]


_TEXT_COUNT = [0]


def fr_text(x, decimals=None):
    """An amount as a treasurer types or pastes it as text: « 1 200 € », « 2 430,50 € »; every other one
    uses a no-break space (as pasted from a bank statement or a web page)."""
    if decimals is None:
        decimals = 0 if float(x).is_integer() else 2
    _TEXT_COUNT[0] += 1
    sp = "\u00a0" if _TEXT_COUNT[0] % 2 == 0 else " "
    s = f"{x:,.{decimals}f}".replace(",", sp).replace(".", ",")
    return s + sp + "€"


class Book:
    def __init__(self, name, budget, layout, recalc):
        self.name = name
        self.budget = budget
        self.layout = layout
        self.recalc = recalc
        self.wb = Workbook()
        self.lines = []
        self.not_lines = []

    def sheet(self, title, first=False):
        if first:
            ws = self.wb.active
            ws.title = title
        else:
            ws = self.wb.create_sheet(title)
        return ws

    def line(self, ws, cell, src, section, col, value=None, fmt=None, text=False):
        """Writes amount column `col` of corpus line `src` into `cell` and records it in the key."""
        amount = src["amounts"][col]
        if amount is None:
            return None
        c = ws[cell]
        if text:
            c.value = fr_text(amount)
            c.alignment = Alignment(horizontal="right")
        else:
            c.value = amount if value is None else value
            if fmt:
                c.number_format = fmt
        if src.get("notALine"):
            self.not_lines.append({"sheet": ws.title, "cell": cell, "what": src["notALine"] + " (" + src["label"] + ")"})
            return c
        e = {"sheet": ws.title, "cell": cell, "label": src["label"], "amount": amount, "section": section, "lever": src["lever"], "alt": src.get("alt", [])}
        if src.get("account"):
            e["account"] = src["account"]
        self.lines.append(e)
        return c

    def notline(self, ws, cell, value, what, fmt=None, bold=False):
        c = ws[cell]
        c.value = value
        if fmt:
            c.number_format = fmt
        if bold:
            c.font = BOLD
        self.not_lines.append({"sheet": ws.title, "cell": cell, "what": what})
        return c

    def comment(self, ws, cell, text):
        """A text remark; one that holds a figure is recorded as a non-line so a reader must not take it."""
        ws[cell] = text
        ws[cell].font = ITAL
        if any(ch.isdigit() for ch in text):
            self.not_lines.append({"sheet": ws.title, "cell": cell, "what": "comment text containing a figure"})

    def save(self):
        os.makedirs(RAW, exist_ok=True)
        raw = os.path.join(RAW, self.name + ".xlsx")
        self.wb.save(raw)
        dest = os.path.join(HERE, self.name + ".xlsx")
        if self.recalc:
            os.makedirs(CONV, exist_ok=True)
            subprocess.run(["soffice", "--headless", "--convert-to", "xlsx", "--outdir", CONV, raw], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            shutil.copyfile(os.path.join(CONV, self.name + ".xlsx"), dest)
        else:
            shutil.copyfile(raw, dest)
        key = {"file": self.name + ".xlsx", "budget": self.budget, "layout": self.layout, "recalculated": self.recalc, "lines": self.lines, "notLines": self.not_lines}
        with open(os.path.join(HERE, self.name + ".key.json"), "w", encoding="utf-8") as f:
            json.dump(key, f, ensure_ascii=False, indent=1)


def widths(ws, **w):
    for col, width in w.items():
        ws.column_dimensions[col].width = width


# ---------------------------------------------------------------------------------------------------------
# 1. AFEV : plan de financement Cerfa vertical, colonne « Compte » en texte, sous-totaux par chapitre,
#    commentaires, 86/87 sous le total, résultat. Recalculé.
def afev():
    b = load("afev-dauphin-aix-2022")
    bk = Book("afev-plan-financement", b["id"], "Title block (association, antenne, « Budget prévisionnel de l'action 2022 ») above a vertical Cerfa-like table « Compte | Intitulé | Montant 2022 | Commentaires » with account numbers as text, chapter sub-headings in bold each followed by a « Sous-total » =SUM row, charges then produits with their totals, the 86/87 contributions below the totals, a grand total including them and a Résultat row.", True)
    ws = bk.sheet("Plan de financement 2022", first=True)
    widths(ws, A=10, B=52, C=16, D=40)
    ws["A1"] = "AFEV – Association de la fondation étudiante pour la ville"
    ws["A1"].font = TITLE
    ws.merge_cells("A1:D1")
    ws["A2"] = "Antenne des Bouches-du-Rhône – Aix-en-Provence"
    ws.merge_cells("A2:D2")
    ws["A3"] = "Budget prévisionnel de l'action 2022 – demande de subvention politique de la ville"
    ws["A3"].font = BOLD
    ws.merge_cells("A3:D3")
    r = 5
    for i, h in enumerate(["Compte", "Intitulé", "Montant 2022", "Commentaires"]):
        c = ws.cell(r, i + 1, h)
        c.font = BOLD
        c.fill = GREY
        c.border = BOX
    comments = {
        "MINISTERE-EDUCATION-NATIONALE": "Un jeune un mentor",
        "PROVENCE-ALPES-COTE-AZUR-EDUC (RECTORAT)": "cordées",
        "13-BOUCHES-DU-RHONE (DEPT)": "5000 droit commun + 4000 cdv",
        "AIX EN PROVENCE (13616)": "1600 droit commun + 7500 cdv",
        "13-ETAT-POLITIQUE-VILLE": "votés",
    }
    totals = {}
    r = 6
    for sec, title in (("expense", "CHARGES"), ("income", "PRODUITS")):
        bl = blocks(b, sec)[0]
        ws.cell(r, 1, title).font = BOLD
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=4)
        ws.cell(r, 1).fill = BLUE
        r += 1
        subs = []
        for g in bl["lines"]:
            ws.cell(r, 1, g["chapter"]).font = BOLD
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=2)
            r += 1
            first = r
            for l in g["lines"]:
                if l.get("account"):
                    ws.cell(r, 1, l["account"]).number_format = "@"
                ws.cell(r, 2, l["label"])
                bk.line(ws, f"C{r}", l, sec, 0, fmt=EUR0)
                if l["label"] in comments:
                    bk.comment(ws, f"D{r}", comments[l["label"]])
                r += 1
            name = g["chapter"].split(" - ")[-1].lower() if " - " in g["chapter"] else g["chapter"].lower()
            ws.cell(r, 2, "Sous-total " + name).font = ITAL
            bk.notline(ws, f"C{r}", f"=SUM(C{first}:C{r-1})", "subtotal", fmt=EUR0)
            subs.append(f"C{r}")
            r += 1
        lab = "Total des charges" if sec == "expense" else "Total des produits"
        ws.cell(r, 2, lab).font = BOLD
        bk.notline(ws, f"C{r}", "=" + "+".join(subs), "total", fmt=EUR0, bold=True)
        totals[sec] = f"C{r}"
        r += 2
    # 86 / 87 below, as the Cerfa prints them
    ws.cell(r, 1, "CONTRIBUTIONS VOLONTAIRES EN NATURE").font = BOLD
    ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=4)
    ws.cell(r, 1).fill = BLUE
    r += 1
    kind = {}
    for sec in ("in_kind_use", "in_kind_resource"):
        bl = blocks(b, sec)[0]
        ws.cell(r, 1, bl["heading"]).font = BOLD
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=2)
        r += 1
        for l in flat(bl):
            ws.cell(r, 1, l["account"]).number_format = "@"
            ws.cell(r, 2, l["label"])
            bk.line(ws, f"C{r}", l, sec, 0, fmt=EUR0)
            kind[sec] = f"C{r}"
            r += 1
    r += 1
    ws.cell(r, 2, "TOTAL GÉNÉRAL DES CHARGES (y compris 86)").font = BOLD
    bk.notline(ws, f"C{r}", f"={totals['expense']}+{kind['in_kind_use']}", "total", fmt=EUR0, bold=True)
    r += 1
    ws.cell(r, 2, "TOTAL GÉNÉRAL DES PRODUITS (y compris 87)").font = BOLD
    bk.notline(ws, f"C{r}", f"={totals['income']}+{kind['in_kind_resource']}", "total", fmt=EUR0, bold=True)
    r += 1
    ws.cell(r, 2, "Résultat").font = BOLD
    bk.notline(ws, f"C{r}", f"={totals['income']}-{totals['expense']}", "résultat", fmt=EUR0, bold=True)
    r += 3
    ws.cell(r, 2, "Fait à Aix-en-Provence, le 8 août 2022")
    ws.cell(r + 1, 2, "Le trésorier,")
    ws.cell(r + 1, 4, "Le président,")
    bk.save()


# ---------------------------------------------------------------------------------------------------------
# 2. Arts Martiaux Genas : Réalisé N-1 | Budget N | Écart, compte en nombre, trésorerie en bas. Recalculé.
def genas():
    b = load("arts-martiaux-genas-budget-2026-27")
    bk = Book("genas-realise-budget-ecart", b["id"], "« N° | Poste | Réalisé 2025-26 | Budget 2026-27 | Écart » table with account numbers typed as numbers, Recettes then Dépenses each with a =SUM total, an Écart column of formulas, a Résultat row, the in-kind support (87) below with only the budget column, and the bank balances (« Trésorerie au 1er juillet 2026 ») at the bottom.", True)
    ws = bk.sheet("Budget 2026-27", first=True)
    widths(ws, A=9, B=50, C=16, D=16, E=14)
    ws["A1"] = "ARTS MARTIAUX GENAS – Karaté"
    ws["A1"].font = TITLE
    ws["A2"] = "Budget prévisionnel 2026-2027 présenté à l'assemblée générale (avec le réalisé 2025-2026)"
    r = 4
    for i, h in enumerate(["N°", "Poste", "Réalisé 2025-26", "Budget 2026-27", "Écart"]):
        c = ws.cell(r, i + 1, h)
        c.font = BOLD
        c.fill = GREY
        c.alignment = Alignment(horizontal="center")
    r = 5
    tot = {}
    for sec, title in (("income", "RECETTES"), ("expense", "DÉPENSES")):
        bl = blocks(b, sec)[0]
        ws.cell(r, 1, title).font = BOLD
        r += 1
        first = r
        for l in flat(bl):
            acc = l["account"]
            ws.cell(r, 1, int(acc) if acc.isdigit() else acc)
            ws.cell(r, 2, l["label"])
            bk.line(ws, f"C{r}", l, sec, 0, fmt=EUR)
            bk.line(ws, f"D{r}", l, sec, 1, fmt=EUR)
            bk.notline(ws, f"E{r}", f"=D{r}-C{r}", "écart (difference between columns)", fmt=EUR)
            r += 1
        ws.cell(r, 2, "Total recettes" if sec == "income" else "Total dépenses").font = BOLD
        for col in "CD":
            bk.notline(ws, f"{col}{r}", f"=SUM({col}{first}:{col}{r-1})", "total", fmt=EUR, bold=True)
        bk.notline(ws, f"E{r}", f"=D{r}-C{r}", "écart of totals", fmt=EUR, bold=True)
        tot[sec] = r
        r += 2
    ws.cell(r, 2, "Résultat (excédent / déficit)").font = BOLD
    for col in "CD":
        bk.notline(ws, f"{col}{r}", f"={col}{tot['income']}-{col}{tot['expense']}", "résultat", fmt=EUR, bold=True)
    r += 2
    bl = blocks(b, "in_kind_resource")[0]
    ws.cell(r, 1, "Soutiens en nature (hors trésorerie) – comptes 87").font = BOLD
    ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=5)
    r += 1
    for l in flat(bl):
        ws.cell(r, 1, l["account"])
        ws.cell(r, 2, l["label"])
        bk.line(ws, f"D{r}", l, "in_kind_resource", 1, fmt=EUR)
        r += 1
    r += 1
    ws.cell(r, 1, "Trésorerie").font = BOLD
    r += 1
    for a in b["balanceSheet"]:
        ws.cell(r, 1, int(a["account"]))
        ws.cell(r, 2, a["label"])
        bk.notline(ws, f"D{r}", a["debit"], "bank balance", fmt=EUR)
        r += 1
    r += 2
    ws.cell(r, 2, "Le trésorier, …")
    bk.save()


# ---------------------------------------------------------------------------------------------------------
# 3. COANIMA : Charges | Montant | Produits | Montant côte à côte, chapitres avec leur sous-total sur la
#    même ligne, 86 en face de 87 sous les totaux hors CVN. Non recalculé.
def coanima():
    b = load("coanima-bp-2024-25")
    bk = Book("coanima-cote-a-cote", b["id"], "Side by side « CHARGES | Montant || PRODUITS | Montant » with a merged title, each chapter row (« 60 - Achats ») carrying a =SUM of its lines in the amount column, lines indented below, « TOTAL DES CHARGES HORS CVN » facing « TOTAL DES PRODUITS HORS CVN », then 86 facing 87 below and grand totals, formulas not recalculated.", False)
    ws = bk.sheet("Budget 2024-2025", first=True)
    widths(ws, A=58, B=14, C=3, D=62, E=14)
    ws["A1"] = "COANIMA – Budget prévisionnel 2024-2025"
    ws["A1"].font = TITLE
    ws["A1"].alignment = Alignment(horizontal="center")
    ws.merge_cells("A1:E1")
    for col, h in zip("ABDE", ["CHARGES", "Montant", "PRODUITS", "Montant"]):
        ws[f"{col}3"] = h
        ws[f"{col}3"].font = BOLD
        ws[f"{col}3"].fill = GREY

    def column(sec, lc, ac, start):
        r = start
        chap_cells = []
        for g in blocks(b, sec)[0]["lines"]:
            if "chapter" in g:
                ws[f"{lc}{r}"] = g["chapter"]
                ws[f"{lc}{r}"].font = BOLD
                head = r
                r += 1
                for l in g["lines"]:
                    ws[f"{lc}{r}"] = "   " + l["label"]
                    bk.line(ws, f"{ac}{r}", l, sec, 0, fmt=EUR0)
                    r += 1
                bk.notline(ws, f"{ac}{head}", f"=SUM({ac}{head+1}:{ac}{r-1})", "chapter subtotal", fmt=EUR0, bold=True)
                chap_cells.append(f"{ac}{head}")
            else:
                ws[f"{lc}{r}"] = g["label"]
                ws[f"{lc}{r}"].font = BOLD
                bk.line(ws, f"{ac}{r}", g, sec, 0, fmt=EUR0)
                chap_cells.append(f"{ac}{r}")
                r += 1
        return r, chap_cells

    re, ce = column("expense", "A", "B", 4)
    ri, ci = column("income", "D", "E", 4)
    r = max(re, ri) + 1
    ws[f"A{r}"] = "TOTAL DES CHARGES HORS CVN"
    ws[f"D{r}"] = "TOTAL DES PRODUITS HORS CVN"
    ws[f"A{r}"].font = ws[f"D{r}"].font = BOLD
    bk.notline(ws, f"B{r}", "=" + "+".join(ce), "total", fmt=EUR0, bold=True)
    bk.notline(ws, f"E{r}", "=" + "+".join(ci), "total", fmt=EUR0, bold=True)
    trow = r
    r += 2
    ru, cu = column("in_kind_use", "A", "B", r)
    rr, cr = column("in_kind_resource", "D", "E", r)
    r = max(ru, rr) + 1
    ws[f"A{r}"] = "TOTAL DES CHARGES"
    ws[f"D{r}"] = "TOTAL DES PRODUITS"
    ws[f"A{r}"].font = ws[f"D{r}"].font = BOLD
    bk.notline(ws, f"B{r}", f"=B{trow}+" + "+".join(cu), "total including in-kind", fmt=EUR0, bold=True)
    bk.notline(ws, f"E{r}", f"=E{trow}+" + "+".join(cr), "total including in-kind", fmt=EUR0, bold=True)
    r += 3
    ws[f"A{r}"] = "CVN : contributions volontaires en nature (valorisation du bénévolat et des mises à disposition)."
    ws[f"A{r}"].font = ITAL
    bk.save()


# ---------------------------------------------------------------------------------------------------------
# 4. HAUM 2017 : deux feuilles « Charges » et « Produits » + « Synthèse » + « Notes ». Recalculé.
def haum():
    b = load("haum-bp-2017")
    bk = Book("haum-deux-feuilles", b["id"], "Two sheets « Charges » and « Produits », each « Compte | Libellé | Budget 2017 » with accounts as text, chapter headings in bold and a « Total 6x »/« Total 7x » =SUM row after each chapter, the sheet total, then the 86 (resp. 87) contributions block below it; a « Synthèse » sheet with cross-sheet formulas and a « Notes » sheet of prose.", True)
    tot = {}
    for sname, sec, kind_sec, title in (("Charges", "expense", "in_kind_use", "Total des charges"), ("Produits", "income", "in_kind_resource", "Total des produits")):
        ws = bk.sheet(sname, first=(sname == "Charges"))
        widths(ws, A=10, B=60, C=16)
        ws["A1"] = "HAUM – hackerspace du Mans – Budget prévisionnel 2017 – " + sname
        ws["A1"].font = TITLE
        for i, h in enumerate(["Compte", "Libellé", "Budget 2017"]):
            ws.cell(3, i + 1, h).font = BOLD
            ws.cell(3, i + 1).fill = GREY
        r = 4
        subs = []
        for g in blocks(b, sec)[0]["lines"]:
            if "chapter" not in g:  # « 67 - Charges exceptionnelles » stands alone
                ws.cell(r, 1, g["account"]).number_format = "@"
                ws.cell(r, 2, g["label"])
                ws.cell(r, 1).font = ws.cell(r, 2).font = BOLD
                bk.line(ws, f"C{r}", g, sec, 0, fmt=EUR)
                subs.append(f"C{r}")
                r += 1
                continue
            chap = g["chapter"]
            ws.cell(r, 1, chap.split(" - ")[0]).number_format = "@"
            ws.cell(r, 2, chap.split(" - ", 1)[1].upper())
            ws.cell(r, 1).font = ws.cell(r, 2).font = BOLD
            r += 1
            first = r
            for l in g["lines"]:
                ws.cell(r, 1, l["account"]).number_format = "@"
                ws.cell(r, 2, l["label"])
                bk.line(ws, f"C{r}", l, sec, 0, fmt=EUR)
                r += 1
            ws.cell(r, 2, "Total " + chap.split(" - ")[0]).font = ITAL
            bk.notline(ws, f"C{r}", f"=SUM(C{first}:C{r-1})", "subtotal", fmt=EUR)
            subs.append(f"C{r}")
            r += 1
        r += 1
        ws.cell(r, 2, title).font = BOLD
        bk.notline(ws, f"C{r}", "=" + "+".join(subs), "total", fmt=EUR, bold=True)
        tot[sec] = (sname, r)
        r += 2
        g = blocks(b, kind_sec)[0]["lines"][0]
        ws.cell(r, 1, g["chapter"].split(" - ")[0]).number_format = "@"
        ws.cell(r, 2, g["chapter"].split(" - ", 1)[1])
        ws.cell(r, 1).font = ws.cell(r, 2).font = BOLD
        r += 1
        first = r
        for l in g["lines"]:
            ws.cell(r, 1, l["account"]).number_format = "@"
            ws.cell(r, 2, l["label"])
            bk.line(ws, f"C{r}", l, kind_sec, 0, fmt=EUR)
            r += 1
        ws.cell(r, 2, "Total " + g["chapter"].split(" - ")[0]).font = ITAL
        bk.notline(ws, f"C{r}", f"=SUM(C{first}:C{r-1})", "subtotal", fmt=EUR)
        tot[kind_sec] = (sname, r)
        r += 1
        ws.cell(r, 2, title + " (contributions comprises)").font = BOLD
        bk.notline(ws, f"C{r}", f"=C{tot[sec][1]}+C{r-1}", "total", fmt=EUR, bold=True)
    ws = bk.sheet("Synthèse")
    widths(ws, A=40, B=16)
    ws["A1"] = "Synthèse 2017"
    ws["A1"].font = TITLE
    rows = [("Total des produits", f"=Produits!C{tot['income'][1]}", "total"), ("Total des charges", f"=Charges!C{tot['expense'][1]}", "total"), ("Résultat", "=B3-B4", "résultat"), ("Contributions volontaires (87)", f"=Produits!C{tot['in_kind_resource'][1]}", "total"), ("Emplois des contributions (86)", f"=Charges!C{tot['in_kind_use'][1]}", "total")]
    for i, (lab, f, what) in enumerate(rows):
        ws.cell(3 + i, 1, lab)
        bk.notline(ws, f"B{3+i}", f, what, fmt=EUR)
    ws = bk.sheet("Notes")
    widths(ws, A=110)
    notes = [
        "Budget prévisionnel voté en assemblée générale.",
        "Les comptes 86 et 87 valorisent le bénévolat des membres, les prestations et les dons en nature reçus ; ils s'équilibrent et ne touchent pas la trésorerie.",
        "Le poste 77 / 67 correspond à une opération exceptionnelle qui se retrouve à l'identique en produits et en charges.",
        "Contact : le trésorier, par la liste de diffusion de l'association.",
    ]
    for i, t in enumerate(notes):
        ws.cell(1 + i * 2, 1, t).alignment = Alignment(wrap_text=True)
    bk.save()


# ---------------------------------------------------------------------------------------------------------
# 5. Hackstub : bloc de titre, sous-rubriques Investissement / Exploitation, montants tapés en texte. Non recalculé.
def hackstub():
    b = load("hackstub-bp-2016-17")
    bk = Book("hackstub-montants-texte", b["id"], "Title block (name, city, « Budget prévisionnel 2016-2017 ») over a single-column table « Poste | Montant | Remarques » where every amount is typed as TEXT (« 2 200 € »), DÉPENSES then RECETTES each split into bold sub-headings Investissement / Exploitation with a « Sous-total » typed as text, the contributions volontaires under each side, typed totals and an « Équilibre » remark.", False)
    ws = bk.sheet("Budget prévisionnel", first=True)
    widths(ws, A=52, B=16, C=44)
    ws["A1"] = "HACKSTUB"
    ws["A1"].font = Font(bold=True, size=18)
    ws["A2"] = "Hackerspace associatif – Strasbourg (association inscrite, droit local Alsace-Moselle)"
    ws["A3"] = "Budget prévisionnel 2016-2017"
    ws["A3"].font = TITLE
    r = 5
    remarks = {"Location + charges": "810 € / mois", "Bénévolat (0.5 ETP)": "valorisé au SMIC", "Cotisations mensuelles": "sur 12 mois", "Subvention pour exploitation": "demande en cours"}
    for sec, title, kind_sec, ktitle in (("expense", "DÉPENSES", "in_kind_use", "Emploi des contributions volontaires"), ("income", "RECETTES", "in_kind_resource", "Contributions volontaires")):
        for i, h in enumerate([title, "Montant", "Remarques"]):
            ws.cell(r, i + 1, h).font = BOLD
            ws.cell(r, i + 1).fill = GREY
        r += 1
        total = 0
        for bl in blocks(b, sec):
            ws.cell(r, 1, bl["heading"]).font = BOLD
            r += 1
            sub = 0
            for l in flat(bl):
                ws.cell(r, 1, l["label"])
                bk.line(ws, f"B{r}", l, sec, 0, text=True)
                if l["label"] in remarks:
                    bk.comment(ws, f"C{r}", remarks[l["label"]])
                sub += l["amounts"][0]
                r += 1
            ws.cell(r, 1, bl["total"]).font = ITAL
            bk.notline(ws, f"B{r}", fr_text(sub), "subtotal (typed as text)")
            ws[f"B{r}"].alignment = Alignment(horizontal="right")
            ws[f"B{r}"].font = ITAL
            total += sub
            r += 1
        ws.cell(r, 1, "TOTAL " + title).font = BOLD
        bk.notline(ws, f"B{r}", fr_text(total), "total (typed as text)", bold=True)
        ws[f"B{r}"].alignment = Alignment(horizontal="right")
        r += 1
        ws.cell(r, 1, ktitle).font = BOLD
        r += 1
        for l in flat(blocks(b, kind_sec)[0]):
            ws.cell(r, 1, l["label"])
            bk.line(ws, f"B{r}", l, kind_sec, 0, text=True)
            if l["label"] in remarks:
                bk.comment(ws, f"C{r}", remarks[l["label"]])
            r += 1
        r += 1
    ws.cell(r, 1, "Budget à l'équilibre.").font = ITAL
    r += 2
    ws.cell(r, 1, "Pour le bureau, le trésorier")
    bk.save()


# ---------------------------------------------------------------------------------------------------------
# 6. Foyer rural d'Esnoms : livre de caisse N° | Libellé | Dépenses | Recettes | Solde. Non recalculé.
def esnoms():
    b = load("foyer-rural-esnoms-2024-25")
    bk = Book("esnoms-livre-de-caisse", b["id"], "A cash book « N° pièce | Libellé | Dépenses | Recettes | Solde » where expense and income entries are interleaved in one list, a piece number column, a running-balance Solde column of formulas, Totaux (=SUM) and Résultat rows at the bottom, and a « Notes » sheet of prose; formulas not recalculated.", False)
    ws = bk.sheet("Caisse 2024-2025", first=True)
    widths(ws, A=9, B=70, C=14, D=14, E=14)
    ws["A1"] = "FOYER RURAL D'ESNOMS AU VAL – Livre de caisse 2024-2025"
    ws["A1"].font = TITLE
    ws.merge_cells("A1:E1")
    for i, h in enumerate(["N° pièce", "Libellé", "Dépenses", "Recettes", "Solde"]):
        ws.cell(3, i + 1, h).font = BOLD
        ws.cell(3, i + 1).fill = GREY
        ws.cell(3, i + 1).border = BOX
    exp = [("expense", l) for l in flat(blocks(b, "expense")[0])]
    inc = [("income", l) for l in flat(blocks(b, "income")[0])]
    # interleave in proportion, as entries come in the cash book
    seq = []
    i = j = 0
    while i < len(exp) or j < len(inc):
        if j >= len(inc) or (i < len(exp) and i * len(inc) <= j * len(exp)):
            seq.append(exp[i]); i += 1
        else:
            seq.append(inc[j]); j += 1
    r = 4
    for n, (sec, l) in enumerate(seq, start=1):
        ws.cell(r, 1, n)
        ws.cell(r, 2, l["label"])
        bk.line(ws, f"{'C' if sec == 'expense' else 'D'}{r}", l, sec, 0, fmt="#,##0.00")
        prev = f"E{r-1}+" if r > 4 else ""
        bk.notline(ws, f"E{r}", f"={prev}D{r}-C{r}", "running balance", fmt="#,##0.00")
        r += 1
    last = r - 1
    r += 1
    ws.cell(r, 2, "Totaux").font = BOLD
    bk.notline(ws, f"C{r}", f"=SUM(C4:C{last})", "total", fmt="#,##0.00", bold=True)
    bk.notline(ws, f"D{r}", f"=SUM(D4:D{last})", "total", fmt="#,##0.00", bold=True)
    r += 1
    ws.cell(r, 2, "Résultat de l'exercice (recettes - dépenses)").font = BOLD
    bk.notline(ws, f"D{r}", f"=D{r-1}-C{r-1}", "résultat", fmt="#,##0.00", bold=True)
    ws = bk.sheet("Notes")
    widths(ws, A=100)
    for k, t in enumerate([
        "Livre de caisse tenu par le trésorier : une ligne par pièce (ticket, facture ou reçu), numérotée dans l'ordre du classeur de pièces.",
        "Les locations de matériel (frigo, friteuse, tentes, chapiteaux, tables, parquet) et de la salle des fêtes sont encaissées par chèque ou en espèces.",
        "Les noms des particuliers ont été retirés.",
    ]):
        ws.cell(1 + 2 * k, 1, t).alignment = Alignment(wrap_text=True)
    bk.save()


# ---------------------------------------------------------------------------------------------------------
# 7. Coup de Pouce Vietnam : deux colonnes € et VND, rubriques fusionnées, sous-totaux. Recalculé.
def cdpvn():
    b = load("coup-de-pouce-vietnam-2014-15")
    bk = Book("cdpvn-euros-dongs", b["id"], "Rapport financier with two currency columns « Rubrique | en € | en VND » (VND with a ₫ number format), RECETTES then DÉPENSES, each rubric as a merged shaded heading row followed by its lines and a « Sous-total » row (=SUM on both columns), TOTAUX per side and a « Solde de l'exercice » row; recalculated.", True)
    ws = bk.sheet("Rapport financier 2014-2015", first=True)
    widths(ws, A=70, B=14, C=18)
    ws["A1"] = "COUP DE POUCE VIETNAM – Rapport financier exercice 2014-2015"
    ws["A1"].font = TITLE
    ws.merge_cells("A1:C1")
    ws["A2"] = "Association loi 1901 – comptes tenus en euros (France) et en dongs (Vietnam), sans conversion"
    ws["A2"].font = ITAL
    ws.merge_cells("A2:C2")
    VND = '#,##0 "₫"'
    r = 4
    tots = {}
    for sec, title in (("income", "RECETTES"), ("expense", "DEPENSES")):
        for i, h in enumerate([title, "en €", "en VND"]):
            ws.cell(r, i + 1, h).font = BOLD
            ws.cell(r, i + 1).fill = GREY
        r += 1
        subs = []
        for g in blocks(b, sec)[0]["lines"]:
            ws.cell(r, 1, g["chapter"]).font = BOLD
            ws.cell(r, 1).fill = BLUE
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=3)
            r += 1
            first = r
            for l in g["lines"]:
                ws.cell(r, 1, l["label"])
                bk.line(ws, f"B{r}", l, sec, 0, fmt=EUR0)
                bk.line(ws, f"C{r}", l, sec, 1, fmt=VND)
                r += 1
            ws.cell(r, 1, "Sous-total " + g["chapter"].lower()).font = ITAL
            bk.notline(ws, f"B{r}", f"=SUM(B{first}:B{r-1})", "subtotal", fmt=EUR0)
            bk.notline(ws, f"C{r}", f"=SUM(C{first}:C{r-1})", "subtotal", fmt=VND)
            subs.append(r)
            r += 1
        ws.cell(r, 1, "TOTAUX " + title).font = BOLD
        for col, fmt in (("B", EUR0), ("C", VND)):
            bk.notline(ws, f"{col}{r}", "=" + "+".join(f"{col}{s}" for s in subs), "total", fmt=fmt, bold=True)
        tots[sec] = r
        r += 2
    ws.cell(r, 1, "Solde de l'exercice (recettes - dépenses)").font = BOLD
    for col, fmt in (("B", EUR0), ("C", VND)):
        bk.notline(ws, f"{col}{r}", f"={col}{tots['income']}-{col}{tots['expense']}", "résultat", fmt=fmt, bold=True)
    r += 3
    ws.cell(r, 1, "La trésorière, …")
    bk.save()


# ---------------------------------------------------------------------------------------------------------
# 8. EEBC : côte à côte avec deux colonnes de chaque côté (2013 | Prévisionnel 2025). Non recalculé.
def eebc():
    b = load("eebc-bp-2025")
    bk = Book("eebc-cote-a-cote-deux-annees", b["id"], "Merged title block over a side-by-side table « DÉPENSES | 2013 | Prévisionnel 2025 || RECETTES | 2013 | Prévisionnel 2025 » (two amount columns on each side, euro format, empty cells where no amount), totals as =SUM facing each other, a Résultat row and a signature block (« Le trésorier » / « Le pasteur »); not recalculated.", False)
    ws = bk.sheet("BILAN PREVISIONNEL", first=True)
    widths(ws, A=36, B=13, C=16, D=3, E=22, F=13, G=16)
    ws["A1"] = "ÉGLISE ÉVANGÉLIQUE BAPTISTE – GUYANE"
    ws["A1"].font = TITLE
    ws["A1"].alignment = Alignment(horizontal="center")
    ws.merge_cells("A1:G1")
    ws["A2"] = "BILAN PRÉVISIONNEL 2025"
    ws["A2"].font = BOLD
    ws["A2"].alignment = Alignment(horizontal="center")
    ws.merge_cells("A2:G2")
    for col, h in zip("ABCEFG", ["DÉPENSES", "2013", "Prévisionnel 2025", "RECETTES", "2013", "Prévisionnel 2025"]):
        ws[f"{col}4"] = h
        ws[f"{col}4"].font = BOLD
        ws[f"{col}4"].fill = YELLOW
        ws[f"{col}4"].border = BOX
    end = 0
    for sec, lc, cols in (("expense", "A", "BC"), ("income", "E", "FG")):
        r = 5
        for l in flat(blocks(b, sec)[0]):
            ws[f"{lc}{r}"] = l["label"]
            for k, col in enumerate(cols):
                bk.line(ws, f"{col}{r}", l, sec, k, fmt=EUR)
            r += 1
        end = max(end, r)
    tr = end + 1
    ws[f"A{tr}"] = "TOTAL DÉPENSES"
    ws[f"E{tr}"] = "TOTAL RECETTES"
    ws[f"A{tr}"].font = ws[f"E{tr}"].font = BOLD
    for col in "BCFG":
        bk.notline(ws, f"{col}{tr}", f"=SUM({col}5:{col}{end-1})", "total", fmt=EUR, bold=True)
    ws[f"E{tr+2}"] = "RÉSULTAT (recettes - dépenses)"
    ws[f"E{tr+2}"].font = BOLD
    bk.notline(ws, f"F{tr+2}", f"=F{tr}-B{tr}", "résultat", fmt=EUR, bold=True)
    bk.notline(ws, f"G{tr+2}", f"=G{tr}-C{tr}", "résultat", fmt=EUR, bold=True)
    ws[f"A{tr+5}"] = "Le trésorier,"
    ws[f"E{tr+5}"] = "Le pasteur,"
    bk.save()


# ---------------------------------------------------------------------------------------------------------
# 9. FabLoch : compte de résultat 2018 | % | 2017 | % avec pourcentages. Recalculé.
def fabloch():
    b = load("fablab-fabloch-2018")
    bk = Book("fabloch-compte-resultat-pourcentages", b["id"], "Compte de résultat « Libellé | 2018 | % | 2017 | % » with a percentage-of-total column after each year (formulas), PRODUITS then CHARGES with bold totals, a « Résultat de l'exercice » row, merged two-row header, and a « Commentaires » sheet of prose; recalculated.", True)
    ws = bk.sheet("Bilan 2018", first=True)
    widths(ws, A=44, B=13, C=8, D=13, E=8)
    ws["A1"] = "FABLOCH – Fablab du pays d'Auray"
    ws["A1"].font = TITLE
    ws["A2"] = "Compte de résultat de l'exercice 2018 (comparé à 2017)"
    ws["A4"] = "Libellé"
    ws.merge_cells("A4:A5")
    ws["B4"] = "Exercice 2018"
    ws.merge_cells("B4:C4")
    ws["D4"] = "Exercice 2017"
    ws.merge_cells("D4:E4")
    for col, h in zip("BCDE", ["Montant", "%", "Montant", "%"]):
        ws[f"{col}5"] = h
    for row in (4, 5):
        for col in "ABCDE":
            ws[f"{col}{row}"].font = BOLD
            ws[f"{col}{row}"].fill = GREY
            ws[f"{col}{row}"].alignment = Alignment(horizontal="center")
    r = 6
    tots = {}
    for sec, title in (("income", "PRODUITS"), ("expense", "CHARGES")):
        ws.cell(r, 1, title).font = BOLD
        r += 1
        first = r
        ls = flat(blocks(b, sec)[0])
        totrow = first + len(ls)
        for l in ls:
            ws.cell(r, 1, l["label"])
            bk.line(ws, f"B{r}", l, sec, 0, fmt="#,##0")
            bk.line(ws, f"D{r}", l, sec, 1, fmt="#,##0")
            bk.notline(ws, f"C{r}", f"=B{r}/B${totrow}", "percentage", fmt="0.0%")
            bk.notline(ws, f"E{r}", f"=D{r}/D${totrow}", "percentage", fmt="0.0%")
            r += 1
        ws.cell(r, 1, "Total " + title.lower()).font = BOLD
        bk.notline(ws, f"B{r}", f"=SUM(B{first}:B{r-1})", "total", fmt="#,##0", bold=True)
        bk.notline(ws, f"C{r}", f"=SUM(C{first}:C{r-1})", "percentage", fmt="0.0%", bold=True)
        bk.notline(ws, f"D{r}", f"=SUM(D{first}:D{r-1})", "total", fmt="#,##0", bold=True)
        bk.notline(ws, f"E{r}", f"=SUM(E{first}:E{r-1})", "percentage", fmt="0.0%", bold=True)
        tots[sec] = r
        r += 2
    ws.cell(r, 1, "Résultat de l'exercice").font = BOLD
    bk.notline(ws, f"B{r}", f"=B{tots['income']}-B{tots['expense']}", "résultat", fmt="#,##0", bold=True)
    bk.notline(ws, f"D{r}", f"=D{tots['income']}-D{tots['expense']}", "résultat", fmt="#,##0", bold=True)
    ws = bk.sheet("Commentaires")
    widths(ws, A=100)
    for k, t in enumerate([
        "Commentaires du trésorier",
        "Les subventions d'exploitation baissent fortement par rapport à l'exercice précédent ; les dons et les reprises compensent en partie.",
        "Les prestations de services et la location des machines progressent.",
        "Le résultat est proche de l'équilibre.",
    ]):
        ws.cell(1 + 2 * k, 1, t).alignment = Alignment(wrap_text=True)
    ws["A1"].font = BOLD
    bk.save()


# ---------------------------------------------------------------------------------------------------------
# 10. Koulenga : rapport financier en prose puis deux petits tableaux, montant en colonne D. Non recalculé.
def koulenga():
    b = load("koulenga-2022")
    bk = Book("koulenga-rapport-financier", b["id"], "Rapport financier: a merged title and a paragraph of prose in merged cells at the top, then « a) Revenus 2022 » and « b) Dépenses 2022 » small tables with the label in A and the amount far right in column D (B:C empty), typed totals as =SUM, an « Excédent de l'exercice » row and a « La trésorière » signature; not recalculated.", False)
    ws = bk.sheet("Rapport financier 2022", first=True)
    widths(ws, A=38, B=10, C=10, D=14)
    ws["A1"] = "KOULENGA – Rapport financier 2022"
    ws["A1"].font = TITLE
    ws.merge_cells("A1:D1")
    ws["A3"] = ("L'association a poursuivi en 2022 son soutien à l'école de Goudrin (Burkina Faso) : l'essentiel des fonds "
                "a servi à financer la cantine des élèves. Les manifestations (petit-déjeuner, cross) ont de nouveau eu lieu.")
    ws["A3"].alignment = Alignment(wrap_text=True, vertical="top")
    ws.merge_cells("A3:D5")
    ws.row_dimensions[3].height = 30
    r = 7
    tots = {}
    for sec in ("income", "expense"):
        bl = blocks(b, sec)[0]
        ws.cell(r, 1, bl["heading"]).font = BOLD
        ws.cell(r, 4, "Montant").font = BOLD
        r += 1
        first = r
        for l in flat(bl):
            ws.cell(r, 1, l["label"])
            bk.line(ws, f"D{r}", l, sec, 0, fmt="0.00")
            r += 1
        ws.cell(r, 1, "Total").font = BOLD
        bk.notline(ws, f"D{r}", f"=SUM(D{first}:D{r-1})", "total", fmt="0.00", bold=True)
        ws[f"D{r}"].border = TOPLINE
        tots[sec] = r
        r += 2
    ws.cell(r, 1, "Excédent de l'exercice").font = BOLD
    bk.notline(ws, f"D{r}", f"=D{tots['income']}-D{tots['expense']}", "résultat", fmt="0.00", bold=True)
    r += 3
    ws.cell(r, 1, "Fait à Oyonnax, pour l'assemblée générale")
    ws.cell(r + 1, 1, "La trésorière")
    bk.save()


# ---------------------------------------------------------------------------------------------------------
# 11. UNA aviron : budget trimestriel T1..T4 + Total. Recalculé.
def una():
    b = load("una-aviron-nantes-bp-2017")
    bk = Book("una-aviron-trimestriel", b["id"], "Quarterly budget « Poste | T1 | T2 | T3 | T4 | Total 2017 »: the four quarter cells are typed numbers (a split of the line) and the Total column is a =SUM of them (the line's amount); chapter headings merged and bold with a « Sous-total » row (=SUM per column) after each chapter, Dépenses then Recettes with totals and a Résultat row; recalculated.", True)
    ws = bk.sheet("Budget 2017", first=True)
    widths(ws, A=52, B=11, C=11, D=11, E=11, F=14)
    ws["A1"] = "UNIVERSITÉ NANTES AVIRON (UNA) – Budget prévisionnel 2017 par trimestre"
    ws["A1"].font = TITLE
    ws.merge_cells("A1:F1")
    r = 3
    tots = {}
    for sec, title in (("expense", "DÉPENSES"), ("income", "RECETTES")):
        for i, h in enumerate([title, "T1", "T2", "T3", "T4", "Total 2017"]):
            ws.cell(r, i + 1, h).font = BOLD
            ws.cell(r, i + 1).fill = GREY
        r += 1
        subs = []
        for g in blocks(b, sec)[0]["lines"]:
            ws.cell(r, 1, g["chapter"]).font = BOLD
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=6)
            r += 1
            first = r
            for l in g["lines"]:
                ws.cell(r, 1, l["label"])
                a = l["amounts"][0]
                q = [int(a // 4)] * 3
                q.append(a - sum(q))
                for k, col in enumerate("BCDE"):
                    bk.notline(ws, f"{col}{r}", q[k], "quarterly part of the line (the line is the Total column)", fmt="#,##0")
                bk.line(ws, f"F{r}", l, sec, 0, value=f"=SUM(B{r}:E{r})", fmt="#,##0")
                ws[f"F{r}"].font = BOLD
                r += 1
            ws.cell(r, 1, "Sous-total " + g["chapter"].split(" - ", 1)[-1].lower()).font = ITAL
            for col in "BCDEF":
                bk.notline(ws, f"{col}{r}", f"=SUM({col}{first}:{col}{r-1})", "subtotal", fmt="#,##0")
            subs.append(r)
            r += 1
        ws.cell(r, 1, "TOTAL " + title).font = BOLD
        for col in "BCDEF":
            bk.notline(ws, f"{col}{r}", "=" + "+".join(f"{col}{s}" for s in subs), "total", fmt="#,##0", bold=True)
        tots[sec] = r
        r += 2
    ws.cell(r, 1, "RÉSULTAT").font = BOLD
    for col in "BCDEF":
        bk.notline(ws, f"{col}{r}", f"={col}{tots['income']}-{col}{tots['expense']}", "résultat", fmt="#,##0", bold=True)
    bk.save()


# ---------------------------------------------------------------------------------------------------------
# 12. Amis du Dehors : rubriques A) à E) fusionnées, sous-totaux, colonne Commentaires. Recalculé.
def dehors():
    b = load("amis-du-dehors-bp-2021")
    bk = Book("amis-du-dehors-rubriques", b["id"], "Title block (association, garden, « Budget prévisionnel 2021 ») over « Désignation | Prévu 2021 | Commentaires », expenses grouped under merged bold headings A) to E) each closed by a « Sous-total » =SUM row, a « Total général », then a short Recettes table with its total and a Solde row; comment cells with prose (some containing numbers); recalculated.", True)
    ws = bk.sheet("Budget prévisionnel 2021", first=True)
    widths(ws, A=70, B=14, C=40)
    ws["A1"] = "LES AMIS DU DEHORS"
    ws["A1"].font = TITLE
    ws["A2"] = "Jardin associatif : bouquetier, jardin médicinal, potager, verger, grange"
    ws["A3"] = "Budget prévisionnel 2021"
    ws["A3"].font = BOLD
    comments = {"25 gilets au logo de l'association": "10 € pièce environ", "10 sacs de miscanthus": "paillage des allées",
                "10 tests ADN": "identification des variétés anciennes", "Subventions": "commune et département", "Cotisations": "adhésions 2021"}
    r = 5
    for i, h in enumerate(["Désignation", "Prévu 2021", "Commentaires"]):
        ws.cell(r, i + 1, h).font = BOLD
        ws.cell(r, i + 1).fill = GREY
    r += 1
    bl = blocks(b, "expense")[0]
    ws.cell(r, 1, bl["heading"].upper()).font = BOLD
    r += 1
    subs = []
    for g in bl["lines"]:
        ws.cell(r, 1, g["chapter"]).font = BOLD
        ws.cell(r, 1).fill = BLUE
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=3)
        r += 1
        first = r
        for l in g["lines"]:
            ws.cell(r, 1, l["label"]).alignment = Alignment(wrap_text=True)
            bk.line(ws, f"B{r}", l, "expense", 0, fmt=EUR0)
            if l["label"] in comments:
                bk.comment(ws, f"C{r}", comments[l["label"]])
            r += 1
        ws.cell(r, 1, "Sous-total").font = ITAL
        ws.cell(r, 1).alignment = Alignment(horizontal="right")
        bk.notline(ws, f"B{r}", f"=SUM(B{first}:B{r-1})", "subtotal", fmt=EUR0)
        subs.append(f"B{r}")
        r += 2
    ws.cell(r, 1, bl["total"]).font = BOLD
    bk.notline(ws, f"B{r}", "=" + "+".join(subs), "total", fmt=EUR0, bold=True)
    texp = r
    r += 3
    bl = blocks(b, "income")[0]
    ws.cell(r, 1, bl["heading"].upper()).font = BOLD
    r += 1
    first = r
    for l in flat(bl):
        ws.cell(r, 1, l["label"])
        bk.line(ws, f"B{r}", l, "income", 0, fmt=EUR0)
        if l["label"] in comments:
            bk.comment(ws, f"C{r}", comments[l["label"]])
        r += 1
    ws.cell(r, 1, bl["total"]).font = BOLD
    bk.notline(ws, f"B{r}", f"=SUM(B{first}:B{r-1})", "total", fmt=EUR0, bold=True)
    r += 2
    ws.cell(r, 1, "Solde prévisionnel").font = BOLD
    bk.notline(ws, f"B{r}", f"=B{r-2}-B{texp}", "résultat", fmt=EUR0, bold=True)
    r += 3
    ws.cell(r, 1, "Le trésorier, …")
    bk.save()


# ---------------------------------------------------------------------------------------------------------
# 13. Santé Sud : feuille « Instructions » d'abord, puis Cerfa avec sous-total sur la ligne du chapitre. Non recalculé.
def santesud():
    b = load("sante-sud-bp-2024")
    bk = Book("sante-sud-cerfa-instructions", b["id"], "A first sheet « Instructions » of prose, then a Cerfa-like sheet « Intitulé | Montant | % » where each chapter row (« 60 - Achat », « Région(s) ») carries its =SUM subtotal and its lines are indented under it, chapter-less lines (« 65 - … ») standing alone, CHARGES above PRODUITS, totals, a share-of-total % column and a Résultat row; euro format; not recalculated.", False)
    ws = bk.sheet("Instructions", first=True)
    widths(ws, A=110)
    for k, t in enumerate([
        "BUDGET PRÉVISIONNEL DE L'ASSOCIATION – mode d'emploi",
        "Remplir uniquement les cellules des lignes détaillées de l'onglet « BP 2024 » ; les montants des chapitres et les totaux se calculent seuls.",
        "Ne pas indiquer les centimes. Le total des charges doit être égal au total des produits (budget équilibré).",
        "Les contributions volontaires en nature (comptes 86 et 87) ne sont pas valorisées dans ce budget.",
    ]):
        ws.cell(1 + 2 * k, 1, t).alignment = Alignment(wrap_text=True)
    ws["A1"].font = TITLE
    ws = bk.sheet("BP 2024")
    widths(ws, A=66, B=16, C=9)
    ws["A1"] = "SANTÉ SUD – Budget prévisionnel 2024"
    ws["A1"].font = TITLE
    ws.merge_cells("A1:C1")
    r = 3
    tots = {}
    pct_cells = []
    for sec, title in (("expense", "CHARGES PRÉVISIONNELLES"), ("income", "PRODUITS PRÉVISIONNELS")):
        bl = blocks(b, sec)[0]
        for i, h in enumerate([title, "Montant", "%"]):
            ws.cell(r, i + 1, h).font = BOLD
            ws.cell(r, i + 1).fill = GREY
            ws.cell(r, i + 1).border = BOX
        r += 1
        tops = []
        rows = []
        for g in bl["lines"]:
            if "chapter" in g:
                head = r
                ws.cell(r, 1, g["chapter"]).font = BOLD
                r += 1
                for l in g["lines"]:
                    ws.cell(r, 1, l["label"]).alignment = Alignment(indent=2)
                    bk.line(ws, f"B{r}", l, sec, 0, fmt=EUR0)
                    r += 1
                bk.notline(ws, f"B{head}", f"=SUM(B{head+1}:B{r-1})", "chapter subtotal", fmt=EUR0, bold=True)
                tops.append(f"B{head}")
                rows.append(head)
            else:
                ws.cell(r, 1, g["label"]).font = BOLD
                bk.line(ws, f"B{r}", g, sec, 0, fmt=EUR0)
                tops.append(f"B{r}")
                rows.append(r)
                r += 1
        ws.cell(r, 1, bl["total"]).font = BOLD
        bk.notline(ws, f"B{r}", "=" + "+".join(tops), "total", fmt=EUR0, bold=True)
        for rr in rows:
            bk.notline(ws, f"C{rr}", f"=B{rr}/B${r}", "percentage", fmt="0%")
        tots[sec] = r
        r += 2
    ws.cell(r, 1, "RÉSULTAT PRÉVISIONNEL").font = BOLD
    bk.notline(ws, f"B{r}", f"=B{tots['income']}-B{tots['expense']}", "résultat", fmt=EUR0, bold=True)
    r += 3
    ws.cell(r, 1, "Certifié exact, le trésorier")
    bk.save()


# ---------------------------------------------------------------------------------------------------------
# 14. Radio des Hauts Plateaux : liste plate avec colonne « Nature » (Recette / Dépense), N° en nombre, FCFA,
#     récapitulatif SUMIF à droite. Non recalculé.
def radio():
    b = load("radio-hauts-plateaux-bp-2023")
    bk = Book("radio-liste-nature", b["id"], "One flat list « Nature | N° | Libellé | Montant (F CFA) » where a Nature column says « Recette » or « Dépense » on every row (no section headings), account numbers as numbers where the source has them, an FCFA number format, a récapitulatif box to the right (Total recettes / Total dépenses / Solde as =SUMIF formulas) and a « Notes » sheet; not recalculated.", False)
    ws = bk.sheet("Budget 2023", first=True)
    widths(ws, A=11, B=7, C=46, D=18, E=3, F=20, G=16)
    ws["A1"] = "RADIO COMMUNAUTAIRE DES HAUTS PLATEAUX – Budget 2023"
    ws["A1"].font = TITLE
    FCFA = '#,##0 "FCFA"'
    for i, h in enumerate(["Nature", "N°", "Libellé", "Montant (F CFA)"]):
        ws.cell(3, i + 1, h).font = BOLD
        ws.cell(3, i + 1).fill = GREY
    r = 4
    for sec, word in (("income", "Recette"), ("expense", "Dépense")):
        for l in flat(blocks(b, sec)[0]):
            ws.cell(r, 1, word)
            if l.get("account"):
                ws.cell(r, 2, int(l["account"]))
            ws.cell(r, 3, l["label"])
            bk.line(ws, f"D{r}", l, sec, 0, fmt=FCFA)
            r += 1
    last = r - 1
    ws["F3"] = "Récapitulatif"
    ws["F3"].font = BOLD
    ws["F4"] = "Total recettes"
    bk.notline(ws, "G4", f'=SUMIF(A4:A{last},"Recette",D4:D{last})', "total", fmt=FCFA)
    ws["F5"] = "Total dépenses"
    bk.notline(ws, "G5", f'=SUMIF(A4:A{last},"Dépense",D4:D{last})', "total", fmt=FCFA)
    ws["F6"] = "Solde"
    bk.notline(ws, "G6", "=G4-G5", "résultat", fmt=FCFA, bold=True)
    ws = bk.sheet("Notes")
    widths(ws, A=100)
    for k, t in enumerate([
        "Budget adopté par le comité de gestion de la radio.",
        "Les numéros 711 à 731 sont ceux du plan de recettes de la radio ; les dépenses sont présentées par grande rubrique.",
        "Montants en francs CFA.",
    ]):
        ws.cell(1 + 2 * k, 1, t)
    bk.save()


ALL = [afev, genas, coanima, haum, hackstub, esnoms, cdpvn, eebc, fabloch, koulenga, una, dehors, santesud, radio]

if __name__ == "__main__":
    only = set(sys.argv[1:])
    for fn in ALL:
        if not only or fn.__name__ in only:
            fn()
            print("built", fn.__name__)
