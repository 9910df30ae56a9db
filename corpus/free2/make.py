#!/usr/bin/python3
"""Builds the second round of held-out « free layout » workbooks (free2/) from the corpus budgets.

Twelve budgets of ../main/corpus/budgets/, none used by round 1 (corpus/free/), each laid out in a way of its
own: an Excel Table of signed amounts, a letterhead with three scenario columns, one sheet per school, grouped
rows with SUBTOTAL, a Cerfa 12156 grid side by side, « Prévu | Réalisé | Écart | Écart % », a trial balance,
nine yearly columns, an English summary with merged labels, amounts in k€, a hidden monthly column × 12, and
charges and produits of each activity on one row.

openpyxl writes each workbook into ../free2_build/raw/; those marked RECALC are run through LibreOffice
(soffice --headless --convert-to xlsx) into ../free2_build/conv/ so that their formulas hold cached values, the others
are copied as openpyxl wrote them (formulas without values). A <name>.key.json is written beside each
workbook: the amount cells that are lines (with the corpus answer) and the amount cells that are not.

The key's « amount » is always the corpus amount in the budget's currency unit, even where the cell shows
it otherwise (negative in a signed list, divided by 1000 in a k€ table).

Usage: /usr/bin/python3 make.py [name…]
"""
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo
from openpyxl.worksheet.filters import AutoFilter

HERE = os.path.dirname(os.path.abspath(__file__))
RAW = os.path.join(os.path.dirname(HERE), "free2_build", "raw")  # intermediate files, kept outside the folder
CONV = os.path.join(os.path.dirname(HERE), "free2_build", "conv")
BUDGETS = os.path.join(os.path.dirname(HERE), "budgets")

EUR = '#,##0.00 "€"'
EUR0 = '#,##0 "€"'
# French accounting format: a « - » for zero, the euro sign aligned right
ACC = '_-* #,##0.00\\ "€"_-;\\-* #,##0.00\\ "€"_-;_-* "-"??\\ "€"_-;_-@_-'
ACC0 = '_-* #,##0\\ "€"_-;\\-* #,##0\\ "€"_-;_-* "-"??\\ "€"_-;_-@_-'
NUM_ACC = '_-* #,##0.00_-;\\-* #,##0.00_-;_-* "-"??_-;_-@_-'
PCT = "0.0%"
BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
ITAL = Font(italic=True)
WHITE_BOLD = Font(bold=True, color="FFFFFF")
GREY = PatternFill("solid", fgColor="D9D9D9")
BLUE = PatternFill("solid", fgColor="DDEBF7")
DARK = PatternFill("solid", fgColor="1F4E78")
GREEN = PatternFill("solid", fgColor="E2EFDA")
YELLOW = PatternFill("solid", fgColor="FFF2CC")
THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
TOPLINE = Border(top=THIN)
DOUBLE_TOP = Border(top=THIN, bottom=Side(style="double"))
CENTER = Alignment(horizontal="center", vertical="center")
WRAP = Alignment(wrap_text=True, vertical="top")


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


def widths(ws, **w):
    for col, width in w.items():
        ws.column_dimensions[col].width = width


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

    def line(self, ws, cell, src, section, col, value=None, fmt=None, bold=False):
        """Writes amount column `col` of corpus line `src` into `cell` (or `value`, a formula or a scaled
        number showing that amount) and records it in the key; a notALine row is recorded as a non-line."""
        amount = src["amounts"][col]
        if amount is None:
            return None
        c = ws[cell]
        c.value = amount if value is None else value
        if fmt:
            c.number_format = fmt
        if bold:
            c.font = BOLD
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

    def comment(self, ws, cell, text, wrap=False):
        """A text remark; one that holds a figure is recorded as a non-line so a reader must not take it."""
        ws[cell] = text
        ws[cell].font = ITAL
        if wrap:
            ws[cell].alignment = WRAP
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
            restore_panes(os.path.join(CONV, self.name + ".xlsx"), dest, [ws.freeze_panes for ws in self.wb.worksheets])
        else:
            shutil.copyfile(raw, dest)
        key = {"file": self.name + ".xlsx", "budget": self.budget, "layout": self.layout, "recalculated": self.recalc, "lines": self.lines, "notLines": self.not_lines}
        with open(os.path.join(HERE, self.name + ".key.json"), "w", encoding="utf-8") as f:
            json.dump(key, f, ensure_ascii=False, indent=1)


def restore_panes(src, dest, panes):
    """LibreOffice's headless conversion drops frozen panes: put them back into the converted sheets' XML
    (sheet<N>.xml is the N-th sheet in LibreOffice's output), leaving the cached values untouched."""
    from openpyxl.utils.cell import coordinate_from_string, column_index_from_string
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            m = re.fullmatch(r"xl/worksheets/sheet(\d+)\.xml", item.filename)
            if m and int(m.group(1)) <= len(panes) and panes[int(m.group(1)) - 1]:
                cell = panes[int(m.group(1)) - 1]
                col, row = coordinate_from_string(cell)
                xs, ys = column_index_from_string(col) - 1, row - 1
                active = "bottomRight" if xs and ys else ("bottomLeft" if ys else "topRight")
                attrs = (f'xSplit="{xs}" ' if xs else "") + (f'ySplit="{ys}" ' if ys else "")
                pane = f'<pane {attrs}topLeftCell="{cell}" activePane="{active}" state="frozen"/>'
                text = data.decode("utf-8")
                text, n = re.subn(r'(<sheetView [^>]*?)(/?)>', lambda mm: mm.group(1) + ">" + pane + ("</sheetView>" if mm.group(2) else ""), text, count=1)
                text = re.sub(r'<selection pane="topLeft"', f'<selection pane="{active}"', text, count=1)
                assert n == 1, item.filename
                data = text.encode("utf-8")
            zout.writestr(item, data)


def header(ws, row, labels, start=1, fill=GREY, font=BOLD):
    for i, h in enumerate(labels):
        if h is None:
            continue
        c = ws.cell(row, start + i, h)
        c.font = font
        c.fill = fill
        c.border = BOX
        c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)


# ---------------------------------------------------------------------------------------------------------
# 1. RCVD (club de voile belge) : un tableau Excel (Table) d'une seule liste signée, dépenses en négatif,
#    ligne de total SUBTOTAL(109) = solde, récapitulatif SUMIF à droite. Non recalculé.
def rcvd():
    b = load("rcvd-voile-dave-bp-2026")
    bk = Book("rcvd-tableau-signe", b["id"], "An Excel Table (ListObject « tblBudget2026 », style, header row with autofilter, totals row « Solde » =SUBTOTAL(109,tblBudget2026[Budget 2026])) holding ONE signed list « Poste | Budget 2026 | Commentaire »: recettes as positive numbers, then dépenses as NEGATIVE numbers (no section heading; some labels such as « Echos & publicité », « Fédération licences », « Voile adultes » appear once positive and once negative), the savings-book transfers in the list, a « Récapitulatif » box to the right with =SUMIF(…,\">0\") and =-SUMIF(…,\"<0\"), frozen header; key amounts are the corpus (positive) amounts; not recalculated.", False)
    ws = bk.sheet("Budget 2026", first=True)
    widths(ws, A=34, B=16, C=46, D=3, E=20, F=14)
    ws["A1"] = "Royal Cercle de Voile de Dave asbl"
    ws["A1"].font = TITLE
    ws["A2"] = "Budget 2026 – montants en euros : recettes en positif, dépenses en négatif"
    ws["A2"].font = ITAL
    hr = 4
    for i, h in enumerate(["Poste", "Budget 2026", "Commentaire"]):
        ws.cell(hr, i + 1, h)
    comments = {
        "Carnet de dépôt": "prélèvement sur l'épargne du club",
        "Transfert vers carnet dépôt": "mise en réserve sur le carnet de dépôt",
        "Versements membres": "cotisations des membres",
        "Rentrées consommations": "bar de la péniche",
        "Repas boissons": "achats du bar",
        "Subsides autres (adeps)": "pas de dossier prévu cette année",
        "Dons": "aucun don attendu",
    }
    fmt = '#,##0 €;[Red]-#,##0 €;0 €'
    r = hr + 1
    for sec in ("income", "expense"):
        for bl in blocks(b, sec):
            for l in flat(bl):
                ws.cell(r, 1, l["label"])
                a = l["amounts"][0]
                bk.line(ws, f"B{r}", l, sec, 0, value=(a if sec == "income" else -a), fmt=fmt)
                if l["label"] in comments and not (sec == "expense" and l["label"] == "Dons"):
                    bk.comment(ws, f"C{r}", comments[l["label"]])
                r += 1
    last = r - 1
    tot = r
    ws.cell(tot, 1, "Solde")
    bk.notline(ws, f"B{tot}", "=SUBTOTAL(109,tblBudget2026[Budget 2026])", "résultat", fmt=fmt, bold=True)
    ws.cell(tot, 1).font = BOLD
    t = Table(displayName="tblBudget2026", ref=f"A{hr}:C{tot}", totalsRowCount=1)
    t.tableColumns = [
        TableColumn(id=1, name="Poste", totalsRowLabel="Solde"),
        TableColumn(id=2, name="Budget 2026", totalsRowFunction="sum"),
        TableColumn(id=3, name="Commentaire"),
    ]
    t.autoFilter = AutoFilter(ref=f"A{hr}:C{last}")
    t.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True, showFirstColumn=False, showLastColumn=False, showColumnStripes=False)
    ws.add_table(t)
    ws.freeze_panes = f"A{hr + 1}"
    ws["E4"] = "Récapitulatif"
    ws["E4"].font = BOLD
    ws["E5"] = "Total des recettes"
    bk.notline(ws, "F5", f'=SUMIF(B{hr+1}:B{last},">0")', "total", fmt=fmt)
    ws["E6"] = "Total des dépenses"
    bk.notline(ws, "F6", f'=-SUMIF(B{hr+1}:B{last},"<0")', "total", fmt=fmt)
    ws["E7"] = "Solde"
    bk.notline(ws, "F7", "=F5-F6", "résultat", fmt=fmt, bold=True)
    bk.save()


# ---------------------------------------------------------------------------------------------------------
# 2. Monique Festival : en-tête « logo » + adresse sur 8 lignes, trois hypothèses (basse / médiane / haute),
#    rubriques seulement dans une cellule fusionnée sur toute la largeur, « — » tapé dans les cases vides,
#    SACEM en formules ROUND, bloc de signatures. Recalculé.
def monique():
    b = load("monique-festival-bp-2026-rescrit")
    bk = Book("monique-trois-hypotheses", b["id"], "Letterhead of 8 rows (a coloured « MONIQUE FESTIVAL » pseudo-logo merged over A1:A4, name, former name, town, RNA number, document title) above « Poste | Estimation basse (-20 %) | Estimation médiane | Estimation haute (+20 %) » with a frozen header; RECETTES and COÛTS named only in a merged shaded row spanning the table; low/high income as =C*0.8 / =C*1.2 formulas where exact, typed otherwise; the two SACEM lines as =ROUND(…*8.8%,0) and =ROUND((…)*4.4%,0) formulas; « — » typed where a cost has no low/high figure; a « TOTAL RECETTES hors subventions/mécénat » row BEFORE the mécénat line, then a total including it; low/high cost totals typed (published), Résultat row and a signature block; recalculated.", True)
    ws = bk.sheet("Budget prévisionnel 2026", first=True)
    widths(ws, A=58, B=20, C=20, D=20)
    ws["A1"] = "MONIQUE\nFESTIVAL"
    ws["A1"].font = Font(bold=True, size=22, color="FFFFFF")
    ws["A1"].fill = PatternFill("solid", fgColor="C00000")
    ws["A1"].alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    ws.merge_cells("A1:A4")
    ws["B1"] = "Monique Festival"
    ws["B1"].font = TITLE
    ws["B2"] = "anciennement JD Production"
    ws["B2"].font = ITAL
    ws["B3"] = "Besançon (Doubs)"
    ws["B4"] = "RNA W251011013"
    bk.not_lines.append({"sheet": ws.title, "cell": "B4", "what": "identifier text containing a figure (RNA number)"})
    ws["A6"] = "Demande de rescrit fiscal – budget prévisionnel 2026 (première édition, festival de trois jours)"
    ws["A6"].font = BOLD
    ws.merge_cells("A6:D6")
    ws["A7"] = "Trois hypothèses de fréquentation ; les coûts ne sont détaillés que pour l'hypothèse médiane."
    ws["A7"].font = ITAL
    ws.merge_cells("A7:D7")
    hr = 9
    header(ws, hr, ["Poste"] + b["columns"], fill=PatternFill("solid", fgColor="F4B084"))
    ws.row_dimensions[hr].height = 30
    ws.freeze_panes = f"A{hr + 1}"

    def section_row(r, text):
        ws.cell(r, 1, text).font = WHITE_BOLD
        for c in range(1, 5):
            ws.cell(r, c).fill = PatternFill("solid", fgColor="C00000")
        ws.cell(r, 1).alignment = CENTER
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=4)

    F = '#,##0 €'
    r = hr + 1
    section_row(r, "RECETTES")
    r += 1
    inc = flat(blocks(b, "income")[0])
    rows = {}
    first = r
    for l in inc[:4]:
        ws.cell(r, 1, l["label"])
        lo, mid, hi = l["amounts"]
        bk.line(ws, f"C{r}", l, "income", 1, fmt=F)
        bk.line(ws, f"B{r}", l, "income", 0, value=(f"=C{r}*0.8" if mid * 0.8 == lo else lo), fmt=F)
        bk.line(ws, f"D{r}", l, "income", 2, value=(f"=C{r}*1.2" if mid * 1.2 == hi else hi), fmt=F)
        rows[l["label"]] = r
        r += 1
    tr = r
    ws.cell(r, 1, blocks(b, "income")[0]["total"]).font = BOLD
    for col in "BCD":
        bk.notline(ws, f"{col}{r}", f"=SUM({col}{first}:{col}{r-1})", "total", fmt=F, bold=True)
        ws[f"{col}{r}"].border = TOPLINE
    r += 1
    l = inc[4]
    ws.cell(r, 1, l["label"])
    for k, col in enumerate("BCD"):
        bk.line(ws, f"{col}{r}", l, "income", k, fmt=F)
    mr = r
    r += 1
    ws.cell(r, 1, "TOTAL RECETTES (mécénat compris)").font = BOLD
    for col in "BCD":
        bk.notline(ws, f"{col}{r}", f"={col}{tr}+{col}{mr}", "total", fmt=F, bold=True)
    tinc = r
    r += 2
    section_row(r, "COÛTS")
    r += 1
    first = r
    pub = b["published"]["expense"]
    for l in flat(blocks(b, "expense")[0]):
        ws.cell(r, 1, l["label"])
        value = None
        if l["label"].startswith("SACEM Billetterie"):
            value = f"=ROUND(C{rows['Billetterie']}*8.8%,0)"
            assert round(22650 * 0.088) == l["amounts"][1]
        elif l["label"].startswith("SACEM Restauration"):
            value = f"=ROUND((C{rows['Restauration']}+C{rows['Buvette']})*4.4%,0)"
        bk.line(ws, f"C{r}", l, "expense", 1, value=value, fmt=F)
        for col in "BD":
            ws[f"{col}{r}"] = "—"
            ws[f"{col}{r}"].alignment = Alignment(horizontal="center")
        r += 1
    ws.cell(r, 1, blocks(b, "expense")[0]["total"]).font = BOLD
    bk.notline(ws, f"B{r}", pub[0], "total (typed: published low estimate)", fmt=F, bold=True)
    bk.notline(ws, f"C{r}", f"=SUM(C{first}:C{r-1})", "total", fmt=F, bold=True)
    bk.notline(ws, f"D{r}", pub[2], "total (typed: published high estimate)", fmt=F, bold=True)
    for col in "BCD":
        ws[f"{col}{r}"].border = TOPLINE
    texp = r
    r += 2
    ws.cell(r, 1, "RÉSULTAT PRÉVISIONNEL").font = BOLD
    for col in "BCD":
        bk.notline(ws, f"{col}{r}", f"={col}{tinc}-{col}{texp}", "résultat", fmt=F, bold=True)
        ws[f"{col}{r}"].fill = YELLOW
    r += 3
    ws.cell(r, 1, "Fait à Besançon, le")
    ws.cell(r + 2, 1, "Le président / la présidente")
    ws.cell(r + 2, 3, "Le trésorier / la trésorière")
    ws.cell(r + 3, 1, "(nom, signature)").font = ITAL
    ws.cell(r + 3, 3, "(nom, signature)").font = ITAL
    bk.save()


# ---------------------------------------------------------------------------------------------------------
# 3. APE Dopio : une feuille par école (Maternelle, Primaire), une feuille Recettes, une Synthèse en tête avec
#    des formules inter-feuilles et une part en %. Non recalculé.
def apedopio():
    b = load("ape-dopio-2011-12")
    bk = Book("ape-dopio-une-feuille-par-ecole", b["id"], "Four sheets: « Synthèse » first (cross-sheet formulas: expenses of each school, total, receipts, Solde, and each school's share in %), then one sheet per school « Maternelle » and « Primaire » (« Action | Dépense | Remarque », the same actions « Spectacle de Noël », « Carnaval » on both) each with its =SUM total, and a « Recettes » sheet with its total; accounting format with « - » for zero; not recalculated.", False)
    syn = bk.sheet("Synthèse", first=True)
    tot = {}
    sheets = [("Maternelle", "Dépenses maternelle", "expense", "Dépenses de l'école maternelle", "Action", "Dépense"),
              ("Primaire", "Dépenses primaire", "expense", "Dépenses de l'école primaire", "Action", "Dépense"),
              ("Recettes", "Recettes", "income", "Recettes de l'année (deux écoles)", "Recette", "Montant")]
    remarks = {"Réparation du four": "four de la classe de cuisine", "Sortie raquettes": "location des raquettes et transport",
               "Subvention de la mairie": "versée en fin d'année", "Marché de Noël (bénéfice)": "après achat des fournitures"}
    for sname, heading, sec, title, h1, h2 in sheets:
        ws = bk.sheet(sname)
        widths(ws, A=56, B=15, C=40)
        ws["A1"] = "APE des écoles maternelle et primaire – année scolaire 2011-2012"
        ws["A1"].font = BOLD
        ws["A2"] = title
        ws["A2"].font = TITLE
        header(ws, 4, [h1, h2, "Remarque"], fill=GREEN)
        bl = [x for x in b["blocks"] if x["heading"] == heading][0]
        r = 5
        for l in flat(bl):
            ws.cell(r, 1, l["label"])
            bk.line(ws, f"B{r}", l, sec, 0, fmt=ACC)
            if l["label"] in remarks:
                bk.comment(ws, f"C{r}", remarks[l["label"]])
            r += 1
        ws.cell(r, 1, "Total").font = BOLD
        bk.notline(ws, f"B{r}", f"=SUM(B5:B{r-1})", "total", fmt=ACC, bold=True)
        ws[f"B{r}"].border = DOUBLE_TOP
        tot[sname] = f"'{sname}'!B{r}" if " " in sname else f"{sname}!B{r}"
    ws = syn
    widths(ws, A=40, B=15, C=12)
    ws["A1"] = "APE – Bilan de l'année scolaire 2011-2012"
    ws["A1"].font = TITLE
    ws["A2"] = "Présenté à l'assemblée générale ; détail dans les onglets suivants."
    ws["A2"].font = ITAL
    header(ws, 4, ["", "Montant", "Part"], fill=GREEN)
    ws["A5"] = "Dépenses de l'école maternelle"
    bk.notline(ws, "B5", "=" + tot["Maternelle"], "total", fmt=ACC)
    bk.notline(ws, "C5", "=B5/B7", "percentage", fmt=PCT)
    ws["A6"] = "Dépenses de l'école primaire"
    bk.notline(ws, "B6", "=" + tot["Primaire"], "total", fmt=ACC)
    bk.notline(ws, "C6", "=B6/B7", "percentage", fmt=PCT)
    ws["A7"] = "Total des dépenses"
    ws["A7"].font = BOLD
    bk.notline(ws, "B7", "=B5+B6", "total", fmt=ACC, bold=True)
    ws["A9"] = "Total des recettes"
    ws["A9"].font = BOLD
    bk.notline(ws, "B9", "=" + tot["Recettes"], "total", fmt=ACC, bold=True)
    ws["A11"] = "Solde de l'année"
    ws["A11"].font = BOLD
    bk.notline(ws, "B11", "=B9-B7", "résultat", fmt=ACC, bold=True)
    ws["A14"] = "La trésorière"
    bk.save()


# ---------------------------------------------------------------------------------------------------------
# 4. Médecins du Fleuve : lignes groupées (plan), sous-totaux SUBTOTAL(9) par rubrique, totaux SUBTOTAL(9)
#    sur toute la plage, un groupe replié, colonne « Notes » en texte long. Recalculé.
def mdf():
    b = load("medecins-du-fleuve-bp-2020")
    bk = Book("mdf-plan-sous-totaux", b["id"], "Vertical « Poste | Budget 2020 | Notes » with Excel row grouping (outline level 1 on the detail lines, one group — « Autres produits » — saved collapsed so its two lines are hidden rows), each rubric heading row followed by its lines and a « Sous-total … » row =SUBTOTAL(9,…), TOTAL CHARGES / TOTAL PRODUITS as =SUBTOTAL(9,…) over the whole block (which skips the nested subtotals), a Résultat row, and a wide wrapped « Notes » column of long prose (some with figures); recalculated.", True)
    ws = bk.sheet("BP 2020", first=True)
    widths(ws, A=50, B=15, C=70)
    ws.sheet_properties.outlinePr.summaryBelow = True
    ws["A1"] = "MÉDECINS DU FLEUVE"
    ws["A1"].font = TITLE
    ws["A2"] = "Budget prévisionnel 2020 – missions de soins au Sénégal et au Mali"
    header(ws, 4, ["Poste", "Budget 2020", "Notes"], fill=BLUE)
    ws.freeze_panes = "A5"
    notes = {
        "Médicaments et consommable": "Médicaments et consommables médicaux emportés ou achetés sur place pour les consultations des missions ; le stock restant est inventorié au retour.",
        "Construction case santé Diadiem 2 (50%)": "Participation de l'association à la moitié de la construction ; l'autre moitié est portée par un partenaire local.",
        "Déplacements aériens responsables": "Billets d'avion des bénévoles qui partent en mission ; les dates des missions sont fixées avec les partenaires sur place.",
        "Frais en mission (déplac, alim, héberg)": "Déplacements sur place, alimentation et hébergement des équipes pendant les missions.",
        "Mission dentaire": "Mission spécifique de soins dentaires : matériel, consommables et frais de l'équipe.",
        "Frais financiers": "Frais bancaires et de change ; montant repris à l'identique en produits financiers.",
        "Membres actifs et bienfaiteurs": "Cotisations et dons des membres ; les dons ouvrent droit à la réduction d'impôt de 66 % et font l'objet d'un reçu fiscal.",
        "Dermatrop": "Subvention demandée à une association partenaire ; le montant sera confirmé après la réponse de son conseil.",
        "Eglise Valdese": "Subvention demandée à une Église partenaire ; le montant sera confirmé après la réponse de son conseil.",
        "Produits financiers": "Intérêts du livret de l'association.",
    }
    r = 5
    tots = {}
    for sec, title, tlabel in (("expense", "CHARGES", "TOTAL CHARGES"), ("income", "PRODUITS", "TOTAL PRODUITS")):
        ws.cell(r, 1, title).font = TITLE
        r += 1
        start = r
        for g in blocks(b, sec)[0]["lines"]:
            ws.cell(r, 1, g["chapter"]).font = BOLD
            ws.cell(r, 1).fill = GREY
            ws.cell(r, 2).fill = GREY
            ws.cell(r, 3).fill = GREY
            r += 1
            first = r
            for l in g["lines"]:
                ws.cell(r, 1, l["label"]).alignment = Alignment(indent=1)
                bk.line(ws, f"B{r}", l, sec, 0, fmt=EUR0)
                if l["label"] in notes:
                    bk.comment(ws, f"C{r}", notes[l["label"]], wrap=True)
                    ws[f"C{r}"].font = Font(italic=False)
                r += 1
            collapsed = g["chapter"] == "Autres produits"
            ws.row_dimensions.group(first, r - 1, outline_level=1, hidden=collapsed)
            ws.cell(r, 1, "Sous-total " + g["chapter"].lower()).font = ITAL
            bk.notline(ws, f"B{r}", f"=SUBTOTAL(9,B{first}:B{r-1})", "subtotal", fmt=EUR0)
            ws[f"B{r}"].font = ITAL
            ws[f"B{r}"].border = TOPLINE
            if collapsed:
                ws.row_dimensions[r].collapsed = True
            r += 1
        ws.cell(r, 1, tlabel).font = BOLD
        bk.notline(ws, f"B{r}", f"=SUBTOTAL(9,B{start}:B{r-1})", "total", fmt=EUR0, bold=True)
        ws[f"B{r}"].border = DOUBLE_TOP
        tots[sec] = r
        r += 2
    ws.cell(r, 1, "RÉSULTAT (produits – charges)").font = BOLD
    bk.notline(ws, f"B{r}", f"=B{tots['income']}-B{tots['expense']}", "résultat", fmt=EUR0, bold=True)
    r += 3
    ws.cell(r, 1, "Budget approuvé par le conseil d'administration. Le trésorier.").font = ITAL
    bk.save()


# ---------------------------------------------------------------------------------------------------------
# 5. HAUM 2018 : copie de la grille du Cerfa 12156 (charges à gauche, produits à droite), n° de compte dans une
#    colonne étroite, chapitres vides du Cerfa conservés, 86 en face de 87. Non recalculé.
CERFA_CHARGES = [
    ("60", "60 - Achats", "60 - Achats"),
    ("61", "61 - Services extérieurs", "61 - Services extérieurs"),
    ("62", "62 - Autres services extérieurs", "62 - Autres services extérieurs"),
    ("63", "63 - Impôts et taxes", None),
    ("64", "64 - Charges de personnel", None),
    ("65", "65 - Autres charges de gestion courante", None),
    ("66", "66 - Charges financières", None),
    ("67", None, "67 - Charges exceptionnelles"),
    ("68", "68 - Dotation aux amortissements", None),
]
CERFA_PRODUITS = [
    ("70", "70 - Vente de produits finis, prestations de services, marchandises", "70 - Vente de produits finis, prestations de services, marchandises"),
    ("73", "73 - Dotations et produits de tarification", None),
    ("74", "74 - Subventions d'exploitation", None),
    ("75", "75 - Autres produits de gestion courante", "75 - Autres produits de gestion courante"),
    ("76", "76 - Produits financiers", None),
    ("77", None, "77 - Produits exceptionnels"),
    ("78", "78 - Reprises sur amortissements et provisions", None),
]
CERFA_74 = ["État : préciser le(s) ministère(s) sollicité(s)", "Région(s) :", "Département(s) :", "Intercommunalité(s) : EPCI", "Commune(s) :",
            "Organismes sociaux (détailler) :", "Fonds européens", "L'agence de services et de paiement (emplois aidés)", "Aides privées (fondations)"]


def haumcerfa():
    b = load("haum-bp-2018")
    bk = Book("haum-cerfa-12156-grille", b["id"], "A copy of the Cerfa 12156 budget grid side by side: « Cpte | CHARGES | Montant || Cpte | PRODUITS | Montant » with the account number in its own narrow column (text), every Cerfa chapter kept (empty ones such as 63, 64, 66, 73, 74 with its État/Région/Département… rows, 76, 78 left blank), chapter rows with no amount, the association's sub-account lines under them (zeros shown « - » by an accounting format), « 67 » and « 77 » as single rows, TOTAL DES CHARGES facing TOTAL DES PRODUITS (=SUM), then 86 facing 87 and TOTAL rows including them, and the Cerfa's footnote sentence; not recalculated.", False)
    ws = bk.sheet("Budget prévisionnel 2018", first=True)
    widths(ws, A=6, B=52, C=14, D=2, E=6, F=56, G=14)
    ws["A1"] = "BUDGET PRÉVISIONNEL DE L'ASSOCIATION"
    ws["A1"].font = TITLE
    ws["A1"].alignment = CENTER
    ws.merge_cells("A1:G1")
    ws["A2"] = "HAUM – hackerspace associatif du Mans"
    ws["A2"].alignment = CENTER
    ws.merge_cells("A2:G2")
    ws["A3"] = "Exercice 2018"
    ws["A3"].alignment = CENTER
    ws["A3"].font = BOLD
    ws.merge_cells("A3:G3")
    header(ws, 5, ["Cpte", "CHARGES", "Montant", None, "Cpte", "PRODUITS", "Montant"])
    groups = {}
    for sec in ("expense", "income", "in_kind_use", "in_kind_resource"):
        for g in blocks(b, sec)[0]["lines"]:
            groups[g["chapter"] if "chapter" in g else g["label"]] = (sec, g)

    def write_side(grid, ac, lc, mc, start):
        r = start
        for acc, chap, key in grid:
            if chap is None:  # a single-row chapter that is itself a line (67, 77)
                sec, g = groups[key]
                ws[f"{ac}{r}"] = g["account"]
                ws[f"{lc}{r}"] = g["label"]
                ws[f"{ac}{r}"].font = ws[f"{lc}{r}"].font = BOLD
                bk.line(ws, f"{mc}{r}", g, sec, 0, fmt=ACC)
                r += 1
                continue
            ws[f"{ac}{r}"] = acc
            ws[f"{lc}{r}"] = chap
            ws[f"{ac}{r}"].font = ws[f"{lc}{r}"].font = BOLD
            r += 1
            if key is not None:
                sec, g = groups[key]
                for l in g["lines"]:
                    ws[f"{ac}{r}"] = l["account"]
                    ws[f"{lc}{r}"] = l["label"]
                    ws[f"{lc}{r}"].alignment = Alignment(indent=1)
                    bk.line(ws, f"{mc}{r}", l, sec, 0, fmt=ACC)
                    r += 1
            elif acc == "74":
                for t in CERFA_74:
                    ws[f"{lc}{r}"] = t
                    ws[f"{lc}{r}"].alignment = Alignment(indent=1)
                    r += 1
        return r

    for col in "AE":
        for rr in range(6, 60):
            ws[f"{col}{rr}"].number_format = "@"
    rc = write_side(CERFA_CHARGES, "A", "B", "C", 6)
    rp = write_side(CERFA_PRODUITS, "E", "F", "G", 6)
    r = max(rc, rp)
    ws[f"B{r}"] = "TOTAL DES CHARGES"
    ws[f"F{r}"] = "TOTAL DES PRODUITS"
    ws[f"B{r}"].font = ws[f"F{r}"].font = BOLD
    bk.notline(ws, f"C{r}", f"=SUM(C6:C{r-1})", "total", fmt=ACC, bold=True)
    bk.notline(ws, f"G{r}", f"=SUM(G6:G{r-1})", "total", fmt=ACC, bold=True)
    trow = r
    r += 1
    ws[f"B{r}"] = "CONTRIBUTIONS VOLONTAIRES"
    ws[f"F{r}"] = "CONTRIBUTIONS VOLONTAIRES"
    ws[f"B{r}"].font = ws[f"F{r}"].font = BOLD
    ws[f"B{r}"].fill = ws[f"F{r}"].fill = GREY
    r += 1
    starts = r
    for ac, lc, mc, sec in (("A", "B", "C", "in_kind_use"), ("E", "F", "G", "in_kind_resource")):
        rr = starts
        g = blocks(b, sec)[0]["lines"][0]
        ws[f"{ac}{rr}"] = g["chapter"].split(" - ")[0]
        ws[f"{lc}{rr}"] = g["chapter"]
        ws[f"{ac}{rr}"].font = ws[f"{lc}{rr}"].font = BOLD
        rr += 1
        for l in g["lines"]:
            ws[f"{ac}{rr}"] = l["account"]
            ws[f"{lc}{rr}"] = l["label"]
            ws[f"{lc}{rr}"].alignment = Alignment(indent=1)
            bk.line(ws, f"{mc}{rr}", l, sec, 0, fmt=ACC)
            rr += 1
        r = max(r, rr)
    ws[f"B{r}"] = "TOTAL"
    ws[f"F{r}"] = "TOTAL"
    ws[f"B{r}"].font = ws[f"F{r}"].font = BOLD
    bk.notline(ws, f"C{r}", f"=C{trow}+SUM(C{starts+1}:C{r-1})", "total including in-kind", fmt=ACC, bold=True)
    bk.notline(ws, f"G{r}", f"=G{trow}+SUM(G{starts+1}:G{r-1})", "total including in-kind", fmt=ACC, bold=True)
    r += 2
    bk.comment(ws, f"A{r}", "La subvention de … € représente …% du total des produits : (montant attribué / total des produits) x 100.")
    ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=7)
    r += 1
    ws[f"A{r}"] = "Le budget prévisionnel doit être établi en équilibre. Ne pas indiquer les centimes d'euros."
    ws[f"A{r}"].font = ITAL
    ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=7)
    bk.save()


# ---------------------------------------------------------------------------------------------------------
# 6. Arts Martiaux Genas, suivi en cours d'exercice : Prévu | Réalisé | Écart | Écart % | (colonne masquée) |
#    Commentaire, dépenses d'abord, position de trésorerie en bas. Recalculé.
def genas():
    b = load("arts-martiaux-genas-bilan-2026-27-sept")
    bk = Book("genas-prevu-realise-ecart-pct", b["id"], "Budget follow-up « Compte | Libellé | Prévu 2026-27 | Réalisé au 25/09/2026 | Écart | Écart % | % réalisé (hidden column G) | Commentaire », account numbers as text, DÉPENSES first then RECETTES (section names in merged shaded rows), Écart (=D-C) and Écart % (=IF(C=0,\"\",E/C)) formulas, a hidden working column of % réalisé, accounting format with « - » for zeros, totals and a Résultat row, then « Position de trésorerie au 25 septembre 2026 » (accounts 5121, 4687, 4686, Réalisé column only) with its sum, frozen panes; recalculated.", True)
    ws = bk.sheet("Suivi 2026-27", first=True)
    widths(ws, A=8, B=50, C=15, D=17, E=14, F=10, G=10, H=44)
    ws["A1"] = "ARTS MARTIAUX GENAS"
    ws["A1"].font = TITLE
    ws["A2"] = "Saison 2026-2027 – suivi du budget au 25 septembre 2026 (bureau du 26 septembre)"
    header(ws, 4, ["Compte", "Libellé", "Prévu 2026-27", "Réalisé au 25/09/2026", "Écart", "Écart %", "% réalisé", "Commentaire"])
    ws.row_dimensions[4].height = 30
    ws.column_dimensions["G"].hidden = True
    ws.freeze_panes = "C5"
    comments = {
        "756": "cotisations encaissées en début de saison",
        "62261": "cours facturés en fin de trimestre",
        "6251": "défraiements versés en fin de saison",
        "6281": "licences commandées, facture fédérale à venir",
        "678": "remboursement effectué",
        "616": "prime annuelle réglée",
    }

    def sec_row(r, text):
        ws.cell(r, 1, text).font = BOLD
        for c in range(1, 9):
            ws.cell(r, c).fill = BLUE
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=8)

    r = 5
    tots = {}
    for sec, title, bl in (("expense", "DÉPENSES", blocks(b, "expense")[0]), ("income", "RECETTES", blocks(b, "income")[0])):
        sec_row(r, title)
        r += 1
        first = r
        for l in flat(bl):
            ws.cell(r, 1, l["account"]).number_format = "@"
            ws.cell(r, 2, l["label"])
            bk.line(ws, f"C{r}", l, sec, 0, fmt=ACC)
            bk.line(ws, f"D{r}", l, sec, 1, fmt=ACC)
            bk.notline(ws, f"E{r}", f"=D{r}-C{r}", "écart (difference between columns)", fmt=ACC)
            bk.notline(ws, f"F{r}", f'=IF(C{r}=0,"",E{r}/C{r})', "percentage", fmt=PCT)
            bk.notline(ws, f"G{r}", f'=IF(C{r}=0,"",D{r}/C{r})', "percentage (hidden column)", fmt=PCT)
            if l["account"] in comments:
                bk.comment(ws, f"H{r}", comments[l["account"]])
            r += 1
        ws.cell(r, 2, bl["total"]).font = BOLD
        for col in "CD":
            bk.notline(ws, f"{col}{r}", f"=SUM({col}{first}:{col}{r-1})", "total", fmt=ACC, bold=True)
            ws[f"{col}{r}"].border = TOPLINE
        bk.notline(ws, f"E{r}", f"=D{r}-C{r}", "écart of totals", fmt=ACC, bold=True)
        bk.notline(ws, f"F{r}", f'=IF(C{r}=0,"",E{r}/C{r})', "percentage", fmt=PCT)
        bk.notline(ws, f"G{r}", f'=IF(C{r}=0,"",D{r}/C{r})', "percentage (hidden column)", fmt=PCT)
        tots[sec] = r
        r += 2
    ws.cell(r, 2, "Résultat (recettes – dépenses)").font = BOLD
    for col in "CD":
        bk.notline(ws, f"{col}{r}", f"={col}{tots['income']}-{col}{tots['expense']}", "résultat", fmt=ACC, bold=True)
    r += 2
    pos = blocks(b, "income")[1]
    sec_row(r, pos["heading"])
    r += 1
    first = r
    for l in flat(pos):
        ws.cell(r, 1, l["account"]).number_format = "@"
        ws.cell(r, 2, l["label"])
        bk.line(ws, f"D{r}", l, "income", 1, fmt=ACC)
        r += 1
    ws.cell(r, 2, "Trésorerie disponible après régularisations").font = BOLD
    bk.notline(ws, f"D{r}", f"=SUM(D{first}:D{r-1})", "bank balance", fmt=ACC, bold=True)
    r += 3
    ws.cell(r, 2, "Le trésorier")
    bk.save()


# ---------------------------------------------------------------------------------------------------------
# 7. ColoCrew, clôture 2026 : balance des comptes (N° compte | Intitulé | Débit | Crédit) triée par numéro,
#    totaux par classe, total général, résultat. Non recalculé.
def colocrew():
    b = load("colocrew-cloture-2026")
    bk = Book("colocrew-balance-cloture", b["id"], "A trial balance « N° compte | Intitulé du compte | Débit | Crédit » sorted by account number (typed as numbers: 168, 5, 613, 625, 645, 70, 74, 79, 864, 875), charges, loan repayments (168), the bank (5) and 864 in Débit, produits and 875 in Crédit, a « Total classe N » row (=SUM of both columns) after each class, a TOTAL GÉNÉRAL and a « Résultat prévisionnel (classe 7 – classe 6) » row; no section heading at all; not recalculated.", False)
    ws = bk.sheet("Balance clôture 2026", first=True)
    widths(ws, A=12, B=52, C=15, D=15)
    ws["A1"] = "ColoCrew – Réinventons les colos"
    ws["A1"].font = TITLE
    ws["A2"] = "Balance prévisionnelle de clôture – exercice 2026"
    ws["A3"] = "Montants en euros"
    ws["A3"].font = ITAL
    header(ws, 5, ["N° compte", "Intitulé du compte", "Débit", "Crédit"])
    entries = []
    for k, bl in enumerate(b["blocks"]):
        for i, l in enumerate(flat(bl)):
            side = "C" if bl["section"] in ("expense", "in_kind_use") or (l.get("notALine") and bl["section"] == "income") else "D"
            entries.append((l["account"], k, i, l, bl["section"], side))
    entries.sort(key=lambda e: (e[0][0], e[0], e[1], e[2]))
    r = 6
    classes = []
    cur = None
    first = r

    def close(cls, first, r):
        ws.cell(r, 2, f"Total classe {cls}").font = ITAL
        for col in "CD":
            bk.notline(ws, f"{col}{r}", f"=SUM({col}{first}:{col}{r-1})", "subtotal", fmt=NUM_ACC)
            ws[f"{col}{r}"].font = ITAL
            ws[f"{col}{r}"].border = TOPLINE
        classes.append((cls, r))

    for acc, _, _, l, sec, side in entries:
        if cur is not None and acc[0] != cur:
            close(cur, first, r)
            r += 1
            first = r
        cur = acc[0]
        ws.cell(r, 1, int(acc))
        ws.cell(r, 1).alignment = Alignment(horizontal="left")
        ws.cell(r, 2, l["label"])
        bk.line(ws, f"{side}{r}", l, sec, 0, fmt=NUM_ACC)
        r += 1
    close(cur, first, r)
    r += 2
    ws.cell(r, 2, "TOTAL GÉNÉRAL").font = BOLD
    for col in "CD":
        bk.notline(ws, f"{col}{r}", "=" + "+".join(f"{col}{cr}" for _, cr in classes), "total", fmt=NUM_ACC, bold=True)
        ws[f"{col}{r}"].border = DOUBLE_TOP
    r += 2
    c6 = [cr for c, cr in classes if c == "6"][0]
    c7 = [cr for c, cr in classes if c == "7"][0]
    ws.cell(r, 2, "Résultat prévisionnel (classe 7 – classe 6)").font = BOLD
    bk.notline(ws, f"D{r}", f"=D{c7}-C{c6}", "résultat", fmt=NUM_ACC, bold=True)
    bk.save()


# ---------------------------------------------------------------------------------------------------------
# 8. AKUU : neuf exercices en colonnes (« Exercice 2017 » … « Exercice 2025 »), codes P1-P6 / C1-C4, format
#    comptable (« - » pour zéro), « — » tapé dans les cases sans montant, colonne Cumul. Recalculé.
def akuu():
    b = load("akuu-comptes-2017-2025")
    years = b["columns"]
    bk = Book("akuu-neuf-exercices", b["id"], "Nine yearly columns « Code | Poste | Exercice 2017 | … | Exercice 2025 | Cumul 2017-2025 » (codes P1–P6 and C1–C4 as text), PRODUITS then CHARGES with a bold heading row each, « — » typed in the cells of a year without that item, accounting number format, Total produits / Total charges (=SUM per year) and « Résultat de l'exercice » rows, a Cumul column of =SUM across the years, panes frozen on the first two columns and the header; recalculated.", True)
    ws = bk.sheet("Comptes 2017-2025", first=True)
    ws.column_dimensions["A"].width = 6
    ws.column_dimensions["B"].width = 28
    from openpyxl.utils import get_column_letter as L
    ncol = len(years)
    cols = [L(3 + k) for k in range(ncol)]
    cum = L(3 + ncol)
    for c in cols + [cum]:
        ws.column_dimensions[c].width = 13
    ws.column_dimensions[cum].width = 16
    ws["A1"] = "AKUU – Synthèse financière des exercices 2017 à 2025"
    ws["A1"].font = TITLE
    ws["A2"] = "Comptes de résultat par exercice, en euros ; « — » : poste sans mouvement dans l'année."
    ws["A2"].font = ITAL
    header(ws, 4, ["Code", "Poste"] + [f"Exercice {y}" for y in years] + ["Cumul 2017-2025"], fill=YELLOW)
    ws.freeze_panes = "C5"
    r = 5
    tots = {}
    for sec, title, prefix in (("income", "PRODUITS", "P"), ("expense", "CHARGES", "C")):
        ws.cell(r, 2, title).font = BOLD
        for c in range(1, 4 + ncol):
            ws.cell(r, c).fill = GREY
        r += 1
        first = r
        for i, l in enumerate(flat(blocks(b, sec)[0])):
            ws.cell(r, 1, f"{prefix}{i+1}")
            ws.cell(r, 2, l["label"])
            for k, c in enumerate(cols):
                if l["amounts"][k] is None:
                    ws[f"{c}{r}"] = "—"
                    ws[f"{c}{r}"].alignment = Alignment(horizontal="center")
                else:
                    bk.line(ws, f"{c}{r}", l, sec, k, fmt=NUM_ACC)
            bk.notline(ws, f"{cum}{r}", f"=SUM({cols[0]}{r}:{cols[-1]}{r})", "total across the years (cumul of the line)", fmt=NUM_ACC)
            ws[f"{cum}{r}"].fill = YELLOW
            r += 1
        ws.cell(r, 2, "Total " + title.lower()).font = BOLD
        for c in cols + [cum]:
            bk.notline(ws, f"{c}{r}", f"=SUM({c}{first}:{c}{r-1})", "total", fmt=NUM_ACC, bold=True)
            ws[f"{c}{r}"].border = TOPLINE
        tots[sec] = r
        r += 2
    ws.cell(r, 2, "Résultat de l'exercice").font = BOLD
    for c in cols + [cum]:
        bk.notline(ws, f"{c}{r}", f"={c}{tots['income']}-{c}{tots['expense']}", "résultat", fmt=NUM_ACC, bold=True)
        ws[f"{c}{r}"].fill = GREEN
    r += 2
    ws.cell(r, 2, "Les prêts de trésorerie remboursés sont hors compte de résultat.").font = ITAL
    bk.save()


# ---------------------------------------------------------------------------------------------------------
# 9. Couchers (anglais) : libellés fusionnés sur deux colonnes, montant trois colonnes plus à droite, part en %,
#    notes, soldes bancaires et une ligne de contrôle. Non recalculé.
def couchers():
    b = load("couchers-2025")
    bk = Book("couchers-english-summary", b["id"], "English-language summary « Item (merged A:B) | — | — | Amount (USD) in E | % of total | Notes »: labels merged across two columns with the amount three columns further right (C:D left empty), headings « WHERE WE RECEIVED MONEY FROM » / « WHAT WE SPENT MONEY ON » / « ACCOUNT BALANCE » as merged rows over the full width, dollar format, a share column of formulas, « Total revenue », « Total spent », « Net income », the opening/closing bank balances and a « Check » formula row; not recalculated.", False)
    ws = bk.sheet("2025 Summary", first=True)
    widths(ws, A=30, B=22, C=4, D=4, E=16, F=11, G=60)
    ws["A1"] = "Couchers, Inc. — 2025 financial summary"
    ws["A1"].font = TITLE
    ws["A2"] = "US nonprofit behind Couchers.org · all amounts in US dollars · unaudited"
    ws["A2"].font = ITAL
    ws["A4"] = "Item"
    ws.merge_cells("A4:B4")
    for c, h in (("A", "Item"), ("E", "Amount (USD)"), ("F", "% of total"), ("G", "Notes")):
        ws[f"{c}4"] = h
    for c in "ABCDEFG":
        ws[f"{c}4"].font = BOLD
        ws[f"{c}4"].fill = GREY
        ws[f"{c}4"].border = Border(bottom=THIN)
    USD = '"$"#,##0.00'
    notes = {
        "came via Stripe (our payment processor)": "Card donations made on the website, recurring and one-off.",
        "came via other means (checks, etc)": "Checks and other transfers received directly.",
        "Amazon Web Services (AWS)": "Hosting of the platform: servers, database and storage.",
        "Printful": "Merchandise printed on demand.",
        "Vercel": "Hosting of the web front end.",
        "Zoom": "Video calls for volunteer meetings.",
        "Banking Fees": "Monthly fees of the bank account.",
        "Twilio": "Text messages sent by the platform.",
        "Porkbun": "Domain name renewal.",
    }
    r = 5

    def heading(r, text):
        ws.cell(r, 1, text).font = BOLD
        ws.cell(r, 1).fill = BLUE
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=7)

    tots = {}
    for sec, tlabel in (("income", "Total revenue"), ("expense", "Total spent")):
        bl = blocks(b, sec)[0]
        heading(r, bl["heading"].upper())
        r += 1
        first = r
        last = first + len(flat(bl)) - 1
        for l in flat(bl):
            ws.cell(r, 1, l["label"])
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=2)
            bk.line(ws, f"E{r}", l, sec, 0, fmt=USD)
            bk.notline(ws, f"F{r}", f"=E{r}/E${last + 1}", "percentage", fmt=PCT)
            if l["label"] in notes:
                bk.comment(ws, f"G{r}", notes[l["label"]])
            r += 1
        ws.cell(r, 1, tlabel).font = BOLD
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=2)
        bk.notline(ws, f"E{r}", f"=SUM(E{first}:E{r-1})", "total", fmt=USD, bold=True)
        ws[f"E{r}"].border = TOPLINE
        bk.notline(ws, f"F{r}", f"=SUM(F{first}:F{r-1})", "percentage", fmt=PCT)
        tots[sec] = r
        r += 2
    ws.cell(r, 1, "Net income (revenue minus spending)").font = BOLD
    ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=2)
    bk.notline(ws, f"E{r}", f"=E{tots['income']}-E{tots['expense']}", "résultat", fmt=USD, bold=True)
    net = r
    r += 2
    bl = blocks(b, "income")[1]
    heading(r, bl["heading"].upper())
    r += 1
    rows = []
    for l in flat(bl):
        ws.cell(r, 1, l["label"])
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=2)
        bk.line(ws, f"E{r}", l, "income", 0, fmt=USD)
        rows.append(r)
        r += 1
    ws.cell(r, 1, "Check: opening + net income − closing")
    ws.cell(r, 1).font = ITAL
    ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=2)
    bk.notline(ws, f"E{r}", f"=ROUND(E{rows[0]}+E{net}-E{rows[1]},2)", "check (should be zero)", fmt=USD)
    ws[f"G{r}"] = "should be zero"
    ws[f"G{r}"].font = ITAL
    r += 3
    ws.cell(r, 1, "Prepared by the treasurer for the board.").font = ITAL
    bk.save()


# ---------------------------------------------------------------------------------------------------------
# 10. Santé Sud, Mayotte : montants en k€ (dit dans le titre et l'en-tête), postes numérotés, part en %,
#     valorisation bénévole 86/87 à part, plan de financement dessous. Recalculé.
def santesud():
    b = load("sante-sud-mayotte-chido-2025")
    bk = Book("santesud-mayotte-keur", b["id"], "Project budget with every amount in THOUSANDS of euros (« Montant (k€) » in the header and « en milliers d'euros » in the title; a cell shows 40.0 for 40 000 €; the key's amounts stay in euros), numbered expense lines (1–8 typed as numbers in column A) with a « % du total » column, the volunteer valuation (86) in its own merged-heading block and a total including it, then the « Plan de financement » (Fondation de France, ARS) with its % column and total, the 87 valuation below it and a Solde row; recalculated.", True)
    ws = bk.sheet("Budget projet", first=True)
    widths(ws, A=5, B=78, C=15, D=12)
    ws["A1"] = "SANTÉ SUD – Mayotte, après le cyclone Chido"
    ws["A1"].font = TITLE
    ws["A2"] = "Budget prévisionnel du projet – montants en milliers d'euros"
    ws["A2"].font = BOLD
    header(ws, 4, ["N°", "Poste", "Montant (k€)", "% du total"], fill=BLUE)
    K = '#,##0.0'

    def heading(r, text):
        ws.cell(r, 1, text).font = BOLD
        ws.cell(r, 1).fill = GREY
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=4)

    def k(x):
        return round(x / 1000, 4)

    r = 5
    heading(r, "DÉPENSES DU PROJET")
    r += 1
    lines = flat(blocks(b, "expense")[0])
    first, last = r, r + len(lines) - 1
    for i, l in enumerate(lines):
        ws.cell(r, 1, i + 1).alignment = Alignment(horizontal="center")
        ws.cell(r, 2, l["label"]).alignment = Alignment(wrap_text=True)
        bk.line(ws, f"C{r}", l, "expense", 0, value=k(l["amounts"][0]), fmt=K)
        bk.notline(ws, f"D{r}", f"=C{r}/C${last+1}", "percentage", fmt=PCT)
        r += 1
    ws.cell(r, 2, "Total des dépenses").font = BOLD
    bk.notline(ws, f"C{r}", f"=SUM(C{first}:C{last})", "total", fmt=K, bold=True)
    bk.notline(ws, f"D{r}", f"=SUM(D{first}:D{last})", "percentage", fmt=PCT)
    texp = r
    r += 2
    bl = blocks(b, "in_kind_use")[0]
    heading(r, bl["heading"] + " (valorisation, hors budget financier)")
    r += 1
    kind = []
    for l in flat(bl):
        ws.cell(r, 2, l["label"]).alignment = Alignment(wrap_text=True)
        bk.line(ws, f"C{r}", l, "in_kind_use", 0, value=k(l["amounts"][0]), fmt=K)
        kind.append(r)
        r += 1
    ws.cell(r, 2, "Coût total du projet, valorisation comprise").font = BOLD
    bk.notline(ws, f"C{r}", f"=C{texp}+" + "+".join(f"C{x}" for x in kind), "total including in-kind", fmt=K, bold=True)
    r += 3
    heading(r, "PLAN DE FINANCEMENT")
    r += 1
    lines = flat(blocks(b, "income")[0])
    first, last = r, r + len(lines) - 1
    for l in lines:
        ws.cell(r, 2, l["label"])
        bk.line(ws, f"C{r}", l, "income", 0, value=k(l["amounts"][0]), fmt=K)
        bk.notline(ws, f"D{r}", f"=C{r}/C${last+1}", "percentage", fmt=PCT)
        r += 1
    ws.cell(r, 2, "Total des financements").font = BOLD
    bk.notline(ws, f"C{r}", f"=SUM(C{first}:C{last})", "total", fmt=K, bold=True)
    bk.notline(ws, f"D{r}", f"=SUM(D{first}:D{last})", "percentage", fmt=PCT)
    tinc = r
    r += 1
    kind = []
    for l in flat(blocks(b, "in_kind_resource")[0]):
        ws.cell(r, 2, l["label"])
        bk.line(ws, f"C{r}", l, "in_kind_resource", 0, value=k(l["amounts"][0]), fmt=K)
        kind.append(r)
        r += 1
    ws.cell(r, 2, "Total des ressources, valorisation comprise").font = BOLD
    bk.notline(ws, f"C{r}", f"=C{tinc}+" + "+".join(f"C{x}" for x in kind), "total including in-kind", fmt=K, bold=True)
    r += 2
    ws.cell(r, 2, "Solde (financements – dépenses)").font = BOLD
    bk.notline(ws, f"C{r}", f"=C{tinc}-C{texp}", "résultat", fmt=K, bold=True)
    bk.save()


# ---------------------------------------------------------------------------------------------------------
# 11. YunoHost : catégorie fusionnée verticalement sur ses lignes, colonne masquée « mensuel » et =E×12 pour
#     les serveurs, notes. Non recalculé.
def yunohost():
    b = load("yunohost-budget-2019-2020")
    bk = Book("yunohost-mensuel-masque", b["id"], "« Catégorie | Poste | Montant annuel (€) | Notes » with a hidden column E « mensuel (calcul) »: the two VPS lines' annual amounts are formulas =E×12 over a monthly price typed in the hidden column (no cached value: not recalculated), every other amount typed; the category name (« Location Server », « Noms de domaine »…) merged VERTICALLY over its lines in column A, lines without category left blank there; REVENUS ATTENDUS then DÉPENSES PRÉVUES as merged heading rows, totals and a Solde row.", False)
    ws = bk.sheet("Budget 2019-2020", first=True)
    widths(ws, A=26, B=34, C=18, D=40, E=14)
    ws["A1"] = "YunoHost – budget prévisionnel 2019-2020"
    ws["A1"].font = TITLE
    ws["A2"] = "Revenus attendus et dépenses prévues, en euros par an"
    ws["A2"].font = ITAL
    header(ws, 4, ["Catégorie", "Poste", "Montant annuel (€)", "Notes", "mensuel (calcul)"])
    ws.column_dimensions["E"].hidden = True
    notes = {"VPS Scaleway": "facturé au mois", "VPS Digital O. (forum)": "facturé au mois, héberge le forum",
             "Subvention de NLNet": "financement du développement", "Development": "travail de développement financé par la subvention",
             "FOSDEM ou autre conf": "une conférence dans l'année"}
    monthly = {"VPS Scaleway": 20.33, "VPS Digital O. (forum)": 14.40}

    def heading(r, text):
        ws.cell(r, 1, text).font = BOLD
        ws.cell(r, 1).fill = GREEN
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=4)

    def put(r, l, sec):
        ws.cell(r, 2, l["label"])
        if l["label"] in monthly:
            m = monthly[l["label"]]
            assert round(m * 12, 2) == l["amounts"][0]
            bk.notline(ws, f"E{r}", m, "monthly working number (hidden; the line is the annual cell)", fmt="0.00")
            bk.line(ws, f"C{r}", l, sec, 0, value=f"=E{r}*12", fmt=EUR)
        else:
            bk.line(ws, f"C{r}", l, sec, 0, fmt=EUR)
        if l["label"] in notes:
            bk.comment(ws, f"D{r}", notes[l["label"]])

    r = 5
    tots = {}
    for sec, title, tl in (("income", "REVENUS ATTENDUS", "Total des revenus"), ("expense", "DÉPENSES PRÉVUES", "Total des dépenses")):
        heading(r, title)
        r += 1
        first = r
        for g in blocks(b, sec)[0]["lines"]:
            if "chapter" in g:
                top = r
                for l in g["lines"]:
                    put(r, l, sec)
                    r += 1
                ws.cell(top, 1, g["chapter"]).alignment = Alignment(vertical="center", wrap_text=True)
                if r - 1 > top:
                    ws.merge_cells(start_row=top, start_column=1, end_row=r - 1, end_column=1)
            else:
                put(r, g, sec)
                r += 1
        ws.cell(r, 2, tl).font = BOLD
        bk.notline(ws, f"C{r}", f"=SUM(C{first}:C{r-1})", "total", fmt=EUR, bold=True)
        ws[f"C{r}"].border = TOPLINE
        tots[sec] = r
        r += 2
    ws.cell(r, 2, "Solde").font = BOLD
    bk.notline(ws, f"C{r}", f"=C{tots['income']}-C{tots['expense']}", "résultat", fmt=EUR, bold=True)
    bk.save()


# ---------------------------------------------------------------------------------------------------------
# 12. Bicyclette Bruzoise : une ligne par activité avec sa charge et son produit côte à côte (Charges | Produits
#     | Solde de l'activité), sans rubrique Recettes/Dépenses. Recalculé.
def bruzoise():
    b = load("bicyclette-bruzoise-bp-2026")
    bk = Book("bruzoise-par-activite", b["id"], "An analytic budget with ONE ROW PER ACTIVITY « Activité | Charges 2026 | Produits 2026 | Solde de l'activité »: an activity that has both a charge and a produit (licences, boutique, vêtements, séjours…) carries both amounts on the same row, others only one (the other cell left blank), no Recettes/Dépenses heading, a Solde column of =C-B formulas, a TOTAL row (=SUM) and « Résultat prévisionnel », frozen header; recalculated.", True)
    ws = bk.sheet("Budget 2026 par activité", first=True)
    widths(ws, A=72, B=16, C=16, D=18)
    ws["A1"] = "LA BICYCLETTE BRUZOISE – Budget prévisionnel 2026"
    ws["A1"].font = TITLE
    ws["A2"] = "Présentation par activité : ce que coûte et ce que rapporte chaque activité du club"
    ws["A2"].font = ITAL
    header(ws, 4, ["Activité", "Charges 2026", "Produits 2026", "Solde de l'activité"], fill=YELLOW)
    ws.freeze_panes = "A5"
    inc = flat(blocks(b, "income")[0])
    exp = flat(blocks(b, "expense")[0])
    by_label = {l["label"]: l for l in exp}
    assert len(by_label) == len(exp)
    used = set()
    rows = []
    for l in inc:
        e = by_label.get(l["label"])
        if e:
            used.add(l["label"])
        rows.append((l["label"], e, l))
    for e in exp:
        if e["label"] not in used:
            rows.append((e["label"], e, None))
    r = 5
    for label, e, i in rows:
        ws.cell(r, 1, label)
        if e:
            bk.line(ws, f"B{r}", e, "expense", 0, fmt=EUR0)
        if i:
            bk.line(ws, f"C{r}", i, "income", 0, fmt=EUR0)
        bk.notline(ws, f"D{r}", f"=C{r}-B{r}", "solde of the activity (difference between columns)", fmt='#,##0 €;[Red]-#,##0 €;"-"')
        r += 1
    ws.cell(r, 1, "TOTAL").font = BOLD
    for col in "BC":
        bk.notline(ws, f"{col}{r}", f"=SUM({col}5:{col}{r-1})", "total", fmt=EUR0, bold=True)
        ws[f"{col}{r}"].border = DOUBLE_TOP
    bk.notline(ws, f"D{r}", f"=SUM(D5:D{r-1})", "résultat", fmt='#,##0 €;[Red]-#,##0 €;"-"', bold=True)
    ws[f"D{r}"].border = DOUBLE_TOP
    r += 2
    ws.cell(r, 1, "Résultat prévisionnel (produits – charges)").font = BOLD
    bk.notline(ws, f"D{r}", f"=C{r-2}-B{r-2}", "résultat", fmt='#,##0 €;[Red]-#,##0 €;"-"', bold=True)
    r += 3
    ws.cell(r, 1, "Budget présenté à l'assemblée générale – le trésorier")
    bk.save()


ALL = [rcvd, monique, apedopio, mdf, haumcerfa, genas, colocrew, akuu, couchers, santesud, yunohost, bruzoise]

if __name__ == "__main__":
    only = set(sys.argv[1:])
    for fn in ALL:
        if not only or fn.__name__ in only:
            fn()
            print("built", fn.__name__)
