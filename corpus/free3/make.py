#!/usr/bin/python3
"""Builds the third round of held-out « free layout » workbooks (free3/) from the corpus budgets.

Twelve budgets of corpus/budgets/, none used by rounds 1 and 2 (corpus/free/, corpus/free2/), each in a
layout of its own: an accounting-software « Compte de résultat détaillé » N | N-1 | Variation | %, an online
accounting export with the account AFTER the label, a currency code column and typed bold subtotals ABOVE their
lines, charges / produits / contributions en nature on three sheets, a Cerfa 15059 compte-rendu financier
(Prévision | Réalisation | %), three cash boxes stacked on one sheet in CHF, a PDF-to-Excel conversion, a Québec
« état des résultats » with charges typed « (798 083) », a UK charity SOFA (Unrestricted | Restricted | Total
funds), a 19th-century compte de gestion under 3-row merged headers, a pivot table pasted as values, an English
budget with numeric outline codes, and a CSV export opened with the wrong locale (amounts « 1937,31 » as text).

openpyxl writes each workbook into ../free3_build/raw/ (outside the tracked files); those marked recalculated are run through LibreOffice
(soffice --headless --convert-to xlsx) into ../free3_build/conv/ so that their formulas hold cached values
(frozen panes, which the conversion drops, are written back); the others are copied as openpyxl wrote them.
A <name>.key.json is written beside each workbook: the amount cells that are lines (with the corpus answer)
and the amount cells that are not. A line's « amount » is always the corpus amount, even where the cell shows it
as text (« 1 060,65 », « (798 083) », « 1937,31 »).

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

HERE = os.path.dirname(os.path.abspath(__file__))
BUILD = os.path.join(os.path.dirname(HERE), "free3_build")
RAW = os.path.join(BUILD, "raw")
CONV = os.path.join(BUILD, "conv")
BUDGETS = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "budgets")

EUR = '#,##0.00 "€"'
EUR0 = '#,##0 "€"'
NUM2 = "#,##0.00"
NUM0 = "#,##0"
ACC = '_-* #,##0.00\\ "€"_-;\\-* #,##0.00\\ "€"_-;_-* "-"??\\ "€"_-;_-@_-'
PCT = "0.0%"
BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
ITAL = Font(italic=True)
SMALL = Font(size=8)
WHITE_BOLD = Font(bold=True, color="FFFFFF")
GREY = PatternFill("solid", fgColor="D9D9D9")
LIGHT = PatternFill("solid", fgColor="F2F2F2")
BLUE = PatternFill("solid", fgColor="DDEBF7")
DARK = PatternFill("solid", fgColor="1F4E78")
GREEN = PatternFill("solid", fgColor="E2EFDA")
YELLOW = PatternFill("solid", fgColor="FFF2CC")
THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
TOPLINE = Border(top=THIN)
BOTTOMLINE = Border(bottom=THIN)
DOUBLE_TOP = Border(top=THIN, bottom=Side(style="double"))
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
RIGHT = Alignment(horizontal="right")
WRAP = Alignment(wrap_text=True, vertical="top")
NBSP = "\u00a0"


def load(bid):
    with open(os.path.join(BUDGETS, bid + ".json"), encoding="utf-8") as f:
        return json.load(f)


def flat(block):
    out = []
    for l in block["lines"]:
        out.extend(l["lines"] if "chapter" in l else [l])
    return out


def blocks(b, section):
    return [bl for bl in b["blocks"] if bl["section"] == section]


def widths(ws, **w):
    for col, width in w.items():
        ws.column_dimensions[col].width = width


def fr(x, dec=2, sep=NBSP, comma=","):
    """A number written the French way as text: 25397.14 -> « 25 397,14 »."""
    neg = x < 0
    s = f"{abs(x):,.{dec}f}".replace(",", "\x00").replace(".", comma).replace("\x00", sep)
    return ("-" if neg else "") + s


def csum(values):
    return round(sum(v for v in values if v is not None), 2)


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
            return ws
        return self.wb.create_sheet(title)

    def line(self, ws, cell, src, section, col, value=None, fmt=None, bold=False, label=None):
        """Writes amount column `col` of corpus line `src` into `cell` (or `value`: a formula, a text showing the
        amount) and records it in the key; a notALine row is recorded as a non-line."""
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
    (sheet<N>.xml is the N-th sheet of LibreOffice's output), leaving the cached values untouched."""
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
                if "<pane " not in text:
                    text, n = re.subn(r'(<sheetView [^>]*?)(/?)>', lambda mm: mm.group(1) + ">" + pane + ("</sheetView>" if mm.group(2) else ""), text, count=1)
                    text = re.sub(r'<selection pane="topLeft"', f'<selection pane="{active}"', text, count=1)
                    assert n == 1, item.filename
                data = text.encode("utf-8")
            zout.writestr(item, data)


def header(ws, row, labels, start=1, fill=GREY, font=BOLD, border=BOX):
    for i, h in enumerate(labels):
        if h is None:
            continue
        c = ws.cell(row, start + i, h)
        c.font = font
        if fill:
            c.fill = fill
        if border:
            c.border = border
        c.alignment = CENTER


# ---------------------------------------------------------------------------------------------------------
# 1. GFAOP 2016 : édition « Compte de résultat détaillé » d'un logiciel comptable, N | N-1 | Variation | %,
#    en-tête d'édition répété à chaque page, sous-totaux par rubrique et par chapitre. Recalculé.
def gfaop():
    b = load("gfaop-compte-resultat-2016")
    bk = Book("gfaop-compte-resultat-logiciel", b["id"], "An accounting-software print-out « Compte de résultat détaillé » exported to Excel: an edition header (company, « Edité le … », « Page : 1 », period N and N-1) repeated at the top of page 2 with the column header, a merged two-row column header « Exercice N 31/12/2016 | Exercice N-1 31/12/2015 | Variation N/N-1 (en valeur | %) », rubric rows in column A (bold) with their lines in column B (labels starting with « . »), a « Total <rubrique> » =SUM row after each rubric, each block's own total label (« Total des produits d'exploitation (I) »…) as a sum of its rubric totals, TOTAL DES PRODUITS / TOTAL DES CHARGES, « SOLDE CRÉDITEUR = EXCÉDENT / SOLDE DÉBITEUR = DÉFICIT », a Variation (=C-D) and % (=IF(D=0,\"\",E/D)) formula on every amount row, empty cells where a year has no amount, and a software footer; recalculated.", True)
    ws = bk.sheet("Compte de résultat", first=True)
    widths(ws, A=30, B=52, C=16, D=16, E=15, F=9)

    def page_header(r, page):
        ws.cell(r, 1, "GFAOP - GROUPE FRANCO-AFRICAIN D'ONCOLOGIE PEDIATRIQUE").font = BOLD
        ws.cell(r, 5, "Edité le 24/03/2017").font = SMALL
        ws.cell(r + 1, 1, "COMPTE DE RÉSULTAT DÉTAILLÉ (en euros)").font = TITLE
        ws.cell(r + 1, 5, f"Page : {page}").font = SMALL
        ws.cell(r + 2, 1, "Période du 01/01/2016 au 31/12/2016 — exercice précédent du 01/01/2015 au 31/12/2015").font = ITAL
        top = r + 4
        for col, text in ((3, "Exercice N"), (4, "Exercice N-1")):
            c = ws.cell(top, col, text)
            c.font = BOLD
            c.alignment = CENTER
            c.fill = GREY
        ws.merge_cells(start_row=top, start_column=5, end_row=top, end_column=6)
        ws.cell(top, 5, "Variation N / N-1").font = BOLD
        ws.cell(top, 5).alignment = CENTER
        ws.cell(top, 5).fill = GREY
        for col, text in ((1, "Rubrique"), (2, "Libellé"), (3, "31/12/2016 (12 mois)"), (4, "31/12/2015 (12 mois)"), (5, "en valeur"), (6, "%")):
            c = ws.cell(top + 1, col, text)
            c.font = BOLD
            c.alignment = CENTER
            c.fill = GREY
            c.border = BOTTOMLINE
        return top + 2

    def var(r):
        bk.notline(ws, f"E{r}", f"=C{r}-D{r}", "variation N / N-1 (difference between columns)", fmt='#,##0;-#,##0;""')
        bk.notline(ws, f"F{r}", f'=IF(D{r}=0,"",E{r}/D{r})', "percentage", fmt=PCT)

    r = page_header(1, 1)
    ws.freeze_panes = f"C{r}"
    side_totals = {}
    for sec, big in (("income", "PRODUITS"), ("expense", "CHARGES")):
        if sec == "expense":
            r += 1
            ws.row_breaks.append(__import__("openpyxl").worksheet.pagebreak.Break(id=r - 1))
            r = page_header(r, 2)
        ws.cell(r, 1, big).font = Font(bold=True, underline="single")
        r += 1
        block_totals = []
        for bl in blocks(b, sec):
            ws.cell(r, 1, bl["heading"].upper()).font = BOLD
            r += 1
            parts = []  # rows to add for the block total
            loose = []
            for g in bl["lines"]:
                if "chapter" in g:
                    ws.cell(r, 1, g["chapter"]).font = BOLD
                    r += 1
                    first = r
                    for l in g["lines"]:
                        ws.cell(r, 2, l["label"])
                        for ci, col in enumerate("CD"):
                            bk.line(ws, f"{col}{r}", l, sec, ci, fmt=NUM0)
                        var(r)
                        r += 1
                    ws.cell(r, 2, "Total " + g["chapter"]).font = ITAL
                    for col in "CD":
                        bk.notline(ws, f"{col}{r}", f"=SUM({col}{first}:{col}{r-1})", "subtotal", fmt=NUM0)
                        ws[f"{col}{r}"].border = TOPLINE
                        ws[f"{col}{r}"].font = ITAL
                    var(r)
                    parts.append(r)
                    r += 1
                else:
                    ws.cell(r, 2, g["label"])
                    for ci, col in enumerate("CD"):
                        bk.line(ws, f"{col}{r}", g, sec, ci, fmt=NUM0)
                    var(r)
                    loose.append(r)
                    r += 1
            label = bl.get("total") or ("Total " + bl["heading"])
            ws.cell(r, 1, label).font = BOLD
            for col in "CD":
                bk.notline(ws, f"{col}{r}", "=" + "+".join(f"{col}{x}" for x in parts + loose), "total", fmt=NUM0, bold=True)
                ws[f"{col}{r}"].border = TOPLINE
            var(r)
            block_totals.append(r)
            r += 2
        label = "TOTAL DES PRODUITS" if sec == "income" else "TOTAL DES CHARGES"
        ws.cell(r, 1, label).font = BOLD
        for col in "CD":
            bk.notline(ws, f"{col}{r}", "=" + "+".join(f"{col}{x}" for x in block_totals), "total", fmt=NUM0, bold=True)
            ws[f"{col}{r}"].border = DOUBLE_TOP
            ws[f"{col}{r}"].fill = LIGHT
        var(r)
        side_totals[sec] = r
        r += 2
    ws.cell(r, 1, "SOLDE CRÉDITEUR = EXCÉDENT / SOLDE DÉBITEUR = DÉFICIT").font = BOLD
    for col in "CD":
        bk.notline(ws, f"{col}{r}", f"={col}{side_totals['income']}-{col}{side_totals['expense']}", "résultat", fmt="#,##0;(#,##0)", bold=True)
    var(r)
    r += 3
    ws.cell(r, 1, "Logiciel de comptabilité associative — édition du compte de résultat détaillé — Mazars (commissaire aux comptes)").font = SMALL
    ws.print_title_rows = None
    bk.save()


# ---------------------------------------------------------------------------------------------------------
# 2. ColoCrew 2025 : export d'un logiciel de gestion en ligne, compte APRÈS le libellé, colonne « Devise »,
#    totaux de classe et de chapitre tapés en gras AU-DESSUS de leurs lignes (aucune formule). Non recalculé.
PCG = {"60": "Achats", "61": "Services extérieurs", "62": "Autres services extérieurs", "63": "Impôts, taxes et versements assimilés",
       "64": "Charges de personnel", "65": "Autres charges de gestion courante", "67": "Charges exceptionnelles",
       "70": "Ventes de produits finis, prestations de services, marchandises", "74": "Subventions d'exploitation",
       "75": "Autres produits de gestion courante", "79": "Transferts de charges"}


def colocrew():
    b = load("colocrew-2025")
    bk = Book("colocrew-export-compte-apres-libelle", b["id"], "An online accounting tool's export « Compte de résultat par compte » « Classe / chapitre | Libellé | (empty C) | N° de compte | Devise | Montant »: the account number comes AFTER the label (column D, text), a currency code column « EUR » on every amount row, CHARGES (class 6) first then PRODUITS (class 7), each class row and each chapter row (« 60 Achats », « 62 Autres services extérieurs »…) in bold carrying its TYPED total ABOVE its lines (no formula anywhere but the last row), lines with an empty column A, and one « Résultat de l'exercice » formula (=F…-F…) left without cached value; not recalculated.", False)
    ws = bk.sheet("Export", first=True)
    widths(ws, A=10, B=64, C=3, D=14, E=8, F=15)
    ws["A1"] = "ColoCrew — Réinventons les colos"
    ws["A1"].font = TITLE
    ws["A2"] = "Compte de résultat par compte — exercice du 01/01/2025 au 31/12/2025"
    ws["A3"] = "Export du 14/01/2026 — montants en devise de tenue de compte"
    ws["A3"].font = SMALL
    header(ws, 5, ["Classe / chapitre", "Libellé", None, "N° de compte", "Devise", "Montant"], fill=BLUE)
    ws.freeze_panes = "A6"
    r = 6
    cls_rows = {}
    for sec, cls, name in (("expense", "6", "CHARGES"), ("income", "7", "PRODUITS")):
        lines = [l for bl in blocks(b, sec) for l in flat(bl)]
        ws.cell(r, 1, cls).font = BOLD
        ws.cell(r, 2, name).font = BOLD
        ws.cell(r, 5, "EUR").font = BOLD
        for c in range(1, 7):
            ws.cell(r, c).fill = GREY
        bk.notline(ws, f"F{r}", csum(l["amounts"][0] for l in lines), f"class total typed above its lines (classe {cls})", fmt=NUM2, bold=True)
        cls_rows[sec] = r
        r += 1
        chapters = []
        for l in lines:
            ch = l["account"][:2]
            if not chapters or chapters[-1][0] != ch:
                chapters.append((ch, []))
            chapters[-1][1].append(l)
        for ch, ls in chapters:
            ws.cell(r, 1, ch).font = BOLD
            ws.cell(r, 2, PCG[ch]).font = BOLD
            ws.cell(r, 5, "EUR")
            bk.notline(ws, f"F{r}", csum(l["amounts"][0] for l in ls), "chapter subtotal typed above its lines", fmt=NUM2, bold=True)
            r += 1
            for l in ls:
                ws.cell(r, 2, l["label"]).alignment = Alignment(indent=2)
                ws.cell(r, 4, l["account"]).alignment = RIGHT
                ws.cell(r, 5, "EUR")
                bk.line(ws, f"F{r}", l, sec, 0, fmt=NUM2)
                r += 1
        r += 1
    ws.cell(r, 2, "Résultat de l'exercice (classe 7 - classe 6)").font = BOLD
    ws.cell(r, 5, "EUR")
    bk.notline(ws, f"F{r}", f"=F{cls_rows['income']}-F{cls_rows['expense']}", "résultat", fmt=NUM2, bold=True)
    r += 2
    ws.cell(r, 1, "Document généré automatiquement — les montants sont exprimés TTC, l'association n'étant pas assujettie à la TVA").font = SMALL
    bk.save()


# ---------------------------------------------------------------------------------------------------------
# 3. ColoCrew prévisionnel 2027 : charges, produits et contributions en nature sur trois feuilles, une synthèse
#    en formules inter-feuilles au pied de la feuille Produits. Recalculé.
def colocrew27():
    b = load("colocrew-bp-2027")
    bk = Book("colocrew-trois-feuilles-cvn", b["id"], "Three sheets « Charges 2027 », « Produits 2027 », « Contributions en nature » (no summary sheet), each « Compte | Intitulé | Prévisionnel 2027 | Hypothèse retenue » with accounts as text, a bold title and subtitle, a =SUM total per sheet; the foot of the Produits sheet carries « Total des charges (feuille Charges 2027) » as a cross-sheet formula and the « Excédent prévisionnel »; the third sheet holds the 86 block (« Emplois des contributions volontaires en nature ») above the 87 block (« Contributions volontaires en nature »), each with its total; text hypotheses beside the lines (one with « × 1,75 »); frozen headers; recalculated.", True)
    notes = {
        "Ventes de séjours et participations familles": "atterrissage 2026 × 1,75 (multiplicateur moyen)",
        "Salaires bruts": "équipe permanente et animateurs",
        "Régularisations de clôture et marge de sécurité": "marge de prudence",
        "Subventions, aides CAF/VACAF et partenaires publics": "dossiers CAF et SDJES à renouveler",
    }
    tot = {}

    def table(ws, r, heading, bl_list, sec):
        ws.cell(r, 1, heading).font = BOLD
        ws.cell(r, 1).fill = GREEN
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=4)
        r += 1
        first = r
        for bl in bl_list:
            for l in flat(bl):
                ws.cell(r, 1, l.get("account", ""))
                ws.cell(r, 2, l["label"])
                bk.line(ws, f"C{r}", l, sec, 0, fmt=EUR)
                if l["label"] in notes:
                    ws.cell(r, 4, notes[l["label"]]).font = ITAL
                    if re.search(r"\d", notes[l["label"]]):
                        bk.not_lines.append({"sheet": ws.title, "cell": f"D{r}", "what": "comment text containing a figure"})
                r += 1
        return first, r

    for i, (title, sec, total_label) in enumerate((("Charges 2027", "expense", "Total des charges"), ("Produits 2027", "income", "Total des produits"))):
        ws = bk.sheet(title, first=(i == 0))
        widths(ws, A=10, B=62, C=18, D=48)
        ws["A1"] = "ColoCrew — Budget prévisionnel 2027"
        ws["A1"].font = TITLE
        ws["A2"] = ("Charges" if sec == "expense" else "Produits") + " (hors contributions volontaires, voir la feuille « Contributions en nature »)"
        ws["A2"].font = ITAL
        header(ws, 4, ["Compte", "Intitulé", "Prévisionnel 2027", "Hypothèse retenue"])
        ws.freeze_panes = "A5"
        first, r = table(ws, 5, "CHARGES D'EXPLOITATION" if sec == "expense" else "PRODUITS D'EXPLOITATION", blocks(b, sec), sec)
        ws.cell(r, 2, total_label).font = BOLD
        bk.notline(ws, f"C{r}", f"=SUM(C{first}:C{r-1})", "total", fmt=EUR, bold=True)
        ws[f"C{r}"].border = DOUBLE_TOP
        tot[sec] = (ws.title, r)
        if sec == "income":
            r += 2
            ws.cell(r, 2, "Total des charges (feuille Charges 2027)")
            bk.notline(ws, f"C{r}", f"='{tot['expense'][0]}'!C{tot['expense'][1]}", "total (cross-sheet reference)", fmt=EUR)
            ws.cell(r + 1, 2, "Excédent prévisionnel").font = BOLD
            bk.notline(ws, f"C{r+1}", f"=C{tot['income'][1]}-C{r}", "résultat", fmt=EUR, bold=True)
    ws = bk.sheet("Contributions en nature")
    widths(ws, A=10, B=62, C=18, D=48)
    ws["A1"] = "ColoCrew — Contributions volontaires en nature 2027"
    ws["A1"].font = TITLE
    ws["A2"] = "Valorisation du bénévolat, présentée hors compte de résultat"
    ws["A2"].font = ITAL
    header(ws, 4, ["Compte", "Intitulé", "Prévisionnel 2027", "Hypothèse retenue"])
    ws.freeze_panes = "A5"
    r = 5
    for sec, heading in (("in_kind_use", "86 - Emplois des contributions volontaires en nature"), ("in_kind_resource", "87 - Contributions volontaires en nature")):
        first, r = table(ws, r, heading, blocks(b, sec), sec)
        ws.cell(r, 2, "Total " + heading[5:].lower()).font = BOLD
        bk.notline(ws, f"C{r}", f"=SUM(C{first}:C{r-1})", "total", fmt=EUR, bold=True)
        ws[f"C{r}"].border = TOPLINE
        r += 2
    ws.cell(r, 2, "Les contributions en nature s'équilibrent : emplois = ressources.").font = ITAL
    bk.save()


# ---------------------------------------------------------------------------------------------------------
# 4. COANIMA 2023-2024 : Cerfa 15059 « compte rendu financier de l'action », Prévision | Réalisation | %,
#    charges au-dessus des produits, 86 et 87 sous chacun, annexe qualitative. Non recalculé.
def coanima():
    b = load("coanima-cr-2023-24")
    bk = Book("coanima-cerfa-15059-compte-rendu", b["id"], "A copy of the Cerfa 15059 « Compte rendu financier de l'action » grid: a form header (Cerfa number, association, exercice), then a CHARGES table « CHARGES | Prévision | Réalisation | % » (Prévision = the BP column, Réalisation = the CR column, % =IF(Prévision=0,\"\",Réalisation/Prévision)), the Cerfa's sections « I. Charges directes affectées à l'action » (chapter rows 60…64 with no amount, the lines under them) and « II. Charges indirectes affectées à l'action » (empty Cerfa rows), « TOTAL DES CHARGES », « 86 – Emplois des contributions volontaires en nature » with its lines and « TOTAL » including them; then the PRODUITS table with the same header, the Cerfa rows of chapter 74 (État, Région, Département…) left empty under the typed 74 line, 75 as a chapter row over 756 and 758, « TOTAL DES PRODUITS », 87 and TOTAL; below, the Cerfa's qualitative annex (explanation of the gaps, certification, signature) as prose; not recalculated.", False)
    ws = bk.sheet("Compte rendu financier", first=True)
    widths(ws, A=4, B=64, C=15, D=15, E=9)
    ws["B1"] = "Compte rendu financier de l'action"
    ws["B1"].font = TITLE
    ws["B2"] = "Cerfa n°15059*02 — Annexe : tableau de synthèse"
    ws["B2"].font = ITAL
    ws["B3"] = "Association : COANIMA — Montpellier (Hérault)"
    ws["B4"] = "Exercice 2023-2024 (premier exercice) — « Interventions et formations à l'égalité »"
    cols = ("C", 1), ("D", 0)  # Prévision = BP, Réalisation = CR

    def pct(r):
        bk.notline(ws, f"E{r}", f'=IF(C{r}=0,"",D{r}/C{r})', "percentage", fmt="0%")

    def hdr(r, what):
        header(ws, r, [what, "Prévision", "Réalisation", "%"], start=2, fill=BLUE)
        return r + 1

    def put(r, l, sec):
        ws.cell(r, 2, l["label"]).alignment = Alignment(indent=1)
        for col, ci in cols:
            bk.line(ws, f"{col}{r}", l, sec, ci, fmt=NUM2)
        pct(r)

    r = hdr(6, "CHARGES")
    ws.cell(r, 2, "I. Charges directes affectées à l'action").font = BOLD
    r += 1
    first = r
    for g in blocks(b, "expense")[0]["lines"]:
        ws.cell(r, 2, g["chapter"]).font = BOLD
        r += 1
        for l in g["lines"]:
            put(r, l, "expense")
            r += 1
    for ch in ("65 - Autres charges de gestion courante", "66 - Charges financières", "67 - Charges exceptionnelles", "68 - Dotation aux amortissements"):
        ws.cell(r, 2, ch).font = BOLD
        r += 1
    ws.cell(r, 2, "II. Charges indirectes affectées à l'action").font = BOLD
    r += 1
    for t in ("Charges fixes de fonctionnement", "Frais financiers", "Autres"):
        ws.cell(r, 2, t).alignment = Alignment(indent=1)
        r += 1
    ws.cell(r, 2, "TOTAL DES CHARGES").font = BOLD
    for col, _ in cols:
        bk.notline(ws, f"{col}{r}", f"=SUM({col}{first}:{col}{r-1})", "total", fmt=NUM2, bold=True)
        ws[f"{col}{r}"].border = TOPLINE
    pct(r)
    tc = r
    r += 1
    ws.cell(r, 2, "86 – Emplois des contributions volontaires en nature").font = BOLD
    r += 1
    f86 = r
    for l in flat(blocks(b, "in_kind_use")[0]):
        put(r, l, "in_kind_use")
        r += 1
    ws.cell(r, 2, "TOTAL").font = BOLD
    for col, _ in cols:
        bk.notline(ws, f"{col}{r}", f"={col}{tc}+SUM({col}{f86}:{col}{r-1})", "total", fmt=NUM2, bold=True)
        ws[f"{col}{r}"].border = DOUBLE_TOP
    pct(r)
    r += 3

    r = hdr(r, "PRODUITS")
    ws.cell(r, 2, "I. Ressources directes affectées à l'action").font = BOLD
    r += 1
    first = r
    for g in blocks(b, "income")[0]["lines"]:
        if "chapter" in g:
            ws.cell(r, 2, g["chapter"]).font = BOLD
            r += 1
            for l in g["lines"]:
                put(r, l, "income")
                r += 1
        else:
            put(r, g, "income")
            ws.cell(r, 2).font = BOLD
            ws.cell(r, 2).alignment = Alignment(indent=0)
            r += 1
            if g["account"] == "74":
                for t in ("État : préciser le(s) ministère(s), directions ou services déconcentrés sollicités", "Région(s) :", "Département(s) :", "Intercommunalité(s) : EPCI", "Commune(s) :", "Organismes sociaux (CAF, etc. détailler) :", "Fonds européens (FSE, FEDER, etc.)", "L'agence de services et de paiement (emplois aidés)", "Aides privées (fondation)", "Autres établissements publics"):
                    ws.cell(r, 2, t).alignment = Alignment(indent=2)
                    ws.cell(r, 2).font = Font(size=9, italic=True)
                    r += 1
    ws.cell(r, 2, "76 - Produits financiers").font = BOLD
    r += 1
    ws.cell(r, 2, "78 - Reprises sur amortissements et provisions").font = BOLD
    r += 1
    ws.cell(r, 2, "II. Ressources indirectes affectées à l'action").font = BOLD
    r += 1
    ws.cell(r, 2, "TOTAL DES PRODUITS").font = BOLD
    for col, _ in cols:
        bk.notline(ws, f"{col}{r}", f"=SUM({col}{first}:{col}{r-1})", "total", fmt=NUM2, bold=True)
        ws[f"{col}{r}"].border = TOPLINE
    pct(r)
    tp = r
    r += 1
    ws.cell(r, 2, "87 – Contributions volontaires en nature").font = BOLD
    r += 1
    f87 = r
    for l in flat(blocks(b, "in_kind_resource")[0]):
        put(r, l, "in_kind_resource")
        r += 1
    ws.cell(r, 2, "TOTAL").font = BOLD
    for col, _ in cols:
        bk.notline(ws, f"{col}{r}", f"={col}{tp}+SUM({col}{f87}:{col}{r-1})", "total", fmt=NUM2, bold=True)
        ws[f"{col}{r}"].border = DOUBLE_TOP
    pct(r)
    r += 2
    ws.cell(r, 2, "La subvention représente …… % du total des produits : (montant attribué/total des produits) x 100.").font = Font(size=9, italic=True)
    r += 3
    ws.cell(r, 2, "Annexe : données qualitatives").font = BOLD
    r += 1
    for t in (
        "Explication des écarts significatifs entre le budget prévisionnel et le réalisé :",
        "Premier exercice de l'association : les postes de salariés prévus au budget n'ont pas été ouverts, les interventions ont été assurées par les bénévoles ; la subvention attendue n'a été obtenue qu'en partie.",
        "Règles de répartition des charges indirectes : sans objet (une seule action).",
        "Je soussigné(e), représentant(e) légal(e) de l'association, certifie exactes les informations du présent compte rendu.",
        "Fait à Montpellier, le ……………    Signature",
    ):
        ws.cell(r, 2, t).alignment = WRAP
        ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=5)
        ws.row_dimensions[r].height = 30
        r += 1
    bk.save()


# ---------------------------------------------------------------------------------------------------------
# 5. GSsA 1996 : trois caisses empilées sur une feuille, chacune avec son titre, ses en-têtes, ses totaux et
#    son solde, une colonne « Monnaie » (CHF), format suisse 18'463.00, récapitulatif des caisses. Recalculé.
def gssa():
    b = load("gssa-romandie-geneve-1996")
    bk = Book("gssa-trois-caisses-chf", b["id"], "Three cash boxes stacked on ONE sheet (« CAISSE ROMANDIE », « CAISSE GENÈVE », « CAISSE SECRÉTARIAT »), each with its own shaded title row, its own header row « Recettes | Monnaie | Montant » then « Dépenses | Monnaie | Montant », a currency code column « CHF » on every amount row, Swiss number format 18'463.00, « Total recettes » / « Total dépenses » =SUM rows and a « Déficit / bénéfice de la caisse » row; the same labels (Cotisations, Dons, Actions diverses, Participation au secrétariat) in several boxes, the inter-box participations appearing as expense of one box and receipt of another; a « Récapitulatif des trois caisses » table at the bottom of cross-references (Recettes | Dépenses | Résultat per box and their sums); recalculated.", True)
    ws = bk.sheet("Bilan 1996", first=True)
    widths(ws, A=52, B=10, C=16, D=4, E=14)
    CHF = "#'##0.00"
    ws["A1"] = "GSsA — Groupe pour une Suisse sans Armée, Romandie & Genève"
    ws["A1"].font = TITLE
    ws["A2"] = "Bilan 1996 des trois caisses (en francs suisses)"
    ws["A2"].font = ITAL
    r = 4
    recap = []
    for caisse in ("Romandie", "Genève", "Secrétariat"):
        ws.cell(r, 1, f"CAISSE {caisse.upper()}").font = WHITE_BOLD
        for c in range(1, 4):
            ws.cell(r, c).fill = DARK
        r += 1
        rows = {}
        for sec, word in (("income", "Recettes"), ("expense", "Dépenses")):
            bl = [x for x in b["blocks"] if x["heading"].startswith(f"Caisse {caisse} ") and x["section"] == sec][0]
            header(ws, r, [word, "Monnaie", "Montant"], fill=GREY)
            r += 1
            first = r
            for l in flat(bl):
                ws.cell(r, 1, l["label"])
                ws.cell(r, 2, "CHF").alignment = Alignment(horizontal="center")
                bk.line(ws, f"C{r}", l, sec, 0, fmt=CHF)
                r += 1
            ws.cell(r, 1, f"Total {word.lower()}").font = BOLD
            ws.cell(r, 2, "CHF").alignment = Alignment(horizontal="center")
            bk.notline(ws, f"C{r}", f"=SUM(C{first}:C{r-1})", "total", fmt=CHF, bold=True)
            ws[f"C{r}"].border = TOPLINE
            rows[sec] = r
            r += 2
        ws.cell(r - 1, 1, "Déficit (-) / bénéfice de la caisse").font = ITAL
        ws.cell(r - 1, 2, "CHF").alignment = Alignment(horizontal="center")
        bk.notline(ws, f"C{r-1}", f"=C{rows['income']}-C{rows['expense']}", "résultat", fmt=CHF + ";-" + CHF)
        recap.append((caisse, rows, r - 1))
        r += 2
    ws.cell(r, 1, "Récapitulatif des trois caisses").font = BOLD
    r += 1
    header(ws, r, ["Caisse", "Recettes", "Dépenses", None, "Résultat"], fill=GREY)
    r += 1
    first = r
    for caisse, rows, res in recap:
        ws.cell(r, 1, caisse)
        bk.notline(ws, f"B{r}", f"=C{rows['income']}", "total (reference to a box total)", fmt=CHF)
        bk.notline(ws, f"C{r}", f"=C{rows['expense']}", "total (reference to a box total)", fmt=CHF)
        bk.notline(ws, f"E{r}", f"=C{res}", "résultat", fmt=CHF + ";-" + CHF)
        r += 1
    ws.cell(r, 1, "Ensemble (participations entre caisses comprises)").font = BOLD
    for col, what in (("B", "total"), ("C", "total"), ("E", "résultat")):
        bk.notline(ws, f"{col}{r}", f"=SUM({col}{first}:{col}{r-1})", what, fmt=CHF + ";-" + CHF, bold=True)
        ws[f"{col}{r}"].border = DOUBLE_TOP
    r += 2
    ws.cell(r, 1, "Les participations entre caisses (journal, secrétariat) figurent en dépense d'une caisse et en recette d'une autre.").font = ITAL
    bk.save()


# ---------------------------------------------------------------------------------------------------------
# 6. EEBC 2025 : conversion PDF → Excel : montants en texte « 25 397,14 », « € » dans une colonne à part,
#    colonnes vides, libellés coupés sur deux cellules ou deux lignes, en-tête de page répété. Pas de formule.
def eebc():
    b = load("eebc-bilan-2025")
    bk = Book("eebc-conversion-pdf", b["id"], "A PDF-to-Excel conversion (sheet « Table 1 »): every amount is TEXT with a no-break space for thousands and a decimal comma (« 25 397,14 »), the « € » sign alone in its own column, empty columns B, D and F between the label and the amounts, some labels split over two cells (« Frais de tenue de » | « compte bancaire ») or over two rows with the amount on the second row, the page header (church name, « BILAN FONCTIONNEL 2025 », « Page 1 / 2 ») and the column header « Désignation | Réalisé 2025 » repeated at the top of page 2, RECETTES then DÉPENSES, totals and the excédent typed as text too, a print-date footer; no formula, no number (not recalculated).", False)
    ws = bk.sheet("Table 1", first=True)
    widths(ws, A=34, B=3, C=22, D=3, E=14, F=3, G=4)
    split_cells = {"Frais de tenue de compte bancaire": ("Frais de tenue de", "compte bancaire"),
                   "AG2R - Retraite complémentaire": ("AG2R - Retraite", "complémentaire"),
                   "Don pour un frère parti en étude": ("Don pour un frère", "parti en étude")}
    split_rows = {"Produits d'entretien / Sainte Cène": ("Produits d'entretien /", "Sainte Cène"),
                  "Chrono Clim - Climatisation": ("Chrono Clim -", "Climatisation")}

    def page_header(r, page):
        ws.cell(r, 1, "EEBC – ÉGLISE ÉVANGÉLIQUE BAPTISTE")
        ws.cell(r, 5, f"Page {page} / 2")
        ws.cell(r + 1, 1, "BILAN FONCTIONNEL 2025")
        ws.cell(r + 2, 1, "Désignation")
        ws.cell(r + 2, 5, "Réalisé 2025")
        return r + 3

    def amount_cell(r, l, sec):
        bk.line(ws, f"E{r}", l, sec, 0, value=fr(l["amounts"][0]))
        ws[f"E{r}"].alignment = RIGHT
        ws.cell(r, 7, "€")

    r = page_header(1, 1)
    rows_on_page = 0
    page = 1
    tots = {}
    for sec, word in (("income", "RECETTES"), ("expense", "DÉPENSES")):
        ws.cell(r, 1, word)
        r += 1
        for l in flat(blocks(b, sec)[0]):
            if rows_on_page >= 20:
                r += 1
                ws.cell(r, 1, "Imprimé le 12/01/2026 – BILAN EEBC 2025.pdf")
                r += 2
                page += 1
                r = page_header(r, page)
                rows_on_page = 0
            lab = l["label"]
            if lab in split_cells:
                ws.cell(r, 1, split_cells[lab][0])
                ws.cell(r, 3, split_cells[lab][1])
                amount_cell(r, l, sec)
            elif lab in split_rows:
                ws.cell(r, 1, split_rows[lab][0])
                r += 1
                rows_on_page += 1
                ws.cell(r, 1, split_rows[lab][1])
                amount_cell(r, l, sec)
            else:
                ws.cell(r, 1, lab)
                amount_cell(r, l, sec)
            r += 1
            rows_on_page += 1
        t = csum(l["amounts"][0] for l in flat(blocks(b, sec)[0]))
        tots[sec] = t
        ws.cell(r, 1, "Total recettes" if sec == "income" else "Total dépenses")
        bk.notline(ws, f"E{r}", fr(t), "total (typed as text)")
        ws[f"E{r}"].alignment = RIGHT
        ws.cell(r, 7, "€")
        r += 2
        rows_on_page += 3
    ws.cell(r, 1, "Excédent de l'exercice")
    bk.notline(ws, f"E{r}", fr(round(tots["income"] - tots["expense"], 2)), "résultat (typed as text)")
    ws[f"E{r}"].alignment = RIGHT
    ws.cell(r, 7, "€")
    r += 2
    ws.cell(r, 1, "Imprimé le 12/01/2026 – BILAN EEBC 2025.pdf")
    bk.save()


# ---------------------------------------------------------------------------------------------------------
# 7. AQMAT 2018 : « état des résultats » québécois, charges entre parenthèses tapées en texte « (798 083) »,
#    colonne « Note » de renvois numériques, signe $ à droite. Non recalculé.
def aqmat():
    b = load("aqmat-etats-financiers-2018")
    bk = Book("aqmat-etat-resultats-parentheses", b["id"], "A Québec accountant's « État des résultats de l'exercice terminé le 31 décembre 2018 » « (label) | Note | 2018 $ »: PRODUITS as numbers (format « # ##0 $ ») with a « Total des produits » =SUM (not recalculated), then CHARGES typed as TEXT between parentheses « (798 083) » (the accountants' negative), their total « (1 212 820) » typed the same way, the « Excédent des produits sur les charges » typed as text, a Note column holding note-reference numbers (3, 4, 5) typed as numbers, and a closing line « Les notes complémentaires font partie intégrante des états financiers »; not recalculated.", False)
    ws = bk.sheet("État des résultats", first=True)
    widths(ws, A=48, B=7, C=16)
    ws["A1"] = "ASSOCIATION QUÉBÉCOISE DE LA QUINCAILLERIE ET DES MATÉRIAUX DE CONSTRUCTION (AQMAT)"
    ws["A1"].font = BOLD
    ws["A2"] = "ÉTAT DES RÉSULTATS"
    ws["A2"].font = TITLE
    ws["A3"] = "de l'exercice terminé le 31 décembre 2018"
    ws["A3"].font = ITAL
    header(ws, 5, [None, "Note", "2018"], fill=None, border=BOTTOMLINE)
    ws["C6"] = "$"
    ws["C6"].alignment = RIGHT
    notes = {"subventions": 3, "amortissements": 4, "Défense d'intérêts": 5}
    r = 7
    ws.cell(r, 1, "PRODUITS").font = BOLD
    r += 1
    first = r
    for l in flat(blocks(b, "income")[0]):
        ws.cell(r, 1, l["label"]).alignment = Alignment(indent=1)
        bk.line(ws, f"C{r}", l, "income", 0, fmt='# ##0 "$"')
        if l["label"] in notes:
            bk.notline(ws, f"B{r}", notes[l["label"]], "note reference number")
            ws[f"B{r}"].alignment = Alignment(horizontal="center")
        r += 1
    ws.cell(r, 1, "Total des produits").font = BOLD
    bk.notline(ws, f"C{r}", f"=SUM(C{first}:C{r-1})", "total", fmt='# ##0 "$"', bold=True)
    ws[f"C{r}"].border = TOPLINE
    r += 2
    ws.cell(r, 1, "CHARGES").font = BOLD
    r += 1
    exp = flat(blocks(b, "expense")[0])
    for l in exp:
        ws.cell(r, 1, l["label"]).alignment = Alignment(indent=1)
        bk.line(ws, f"C{r}", l, "expense", 0, value="(" + fr(l["amounts"][0], 0, sep=" ") + ")")
        ws[f"C{r}"].alignment = RIGHT
        if l["label"] in notes:
            bk.notline(ws, f"B{r}", notes[l["label"]], "note reference number")
            ws[f"B{r}"].alignment = Alignment(horizontal="center")
        r += 1
    te = csum(l["amounts"][0] for l in exp)
    ti = csum(l["amounts"][0] for l in flat(blocks(b, "income")[0]))
    ws.cell(r, 1, "Total des charges").font = BOLD
    bk.notline(ws, f"C{r}", "(" + fr(te, 0, sep=" ") + ")", "total (typed as text in parentheses)", bold=True)
    ws[f"C{r}"].alignment = RIGHT
    ws[f"C{r}"].border = TOPLINE
    r += 2
    ws.cell(r, 1, "EXCÉDENT DES PRODUITS SUR LES CHARGES").font = BOLD
    bk.notline(ws, f"C{r}", fr(ti - te, 0, sep=" ") + " $", "résultat (typed as text)", bold=True)
    ws[f"C{r}"].alignment = RIGHT
    ws[f"C{r}"].border = DOUBLE_TOP
    r += 3
    ws.cell(r, 1, "Les notes complémentaires font partie intégrante des états financiers.").font = ITAL
    bk.save()


# ---------------------------------------------------------------------------------------------------------
# 8. London Hackspace, July 2009 : « Statement of Financial Activities » d'une charity britannique,
#    Unrestricted | Restricted | Total funds, la ligne est la colonne Total funds (=C+D). Recalculé.
def london():
    b = load("london-hackspace-2009-07")
    bk = Book("london-hackspace-sofa", b["id"], "A UK charity-style « Statement of Financial Activities for the month ended 31 July 2009 » in English: « (label) | Note | Unrestricted funds £ | Restricted funds £ | Total funds July 2009 £ », every item typed in the Unrestricted column, the Restricted column left empty (a « - » only on total rows), the Total funds column a =C+D formula on every row (the key takes the Total funds cell as the line, the Unrestricted cell as its fund part), « INCOMING RESOURCES » (« Incoming resources from generated funds », « Voluntary income », « Activities for generating funds », « Investment income » sub-headings) and « RESOURCES EXPENDED » (a negative « Bank Charge » refund), totals, « NET INCOMING RESOURCES FOR THE MONTH », and a « Balance sheet at 31 July 2009 » section with « Cash in Bank »; recalculated.", True)
    ws = bk.sheet("SOFA July 2009", first=True)
    widths(ws, A=50, B=6, C=15, D=15, E=17)
    GBP = '£#,##0.00;-£#,##0.00;"-"'
    ws["A1"] = "Hackspace Foundation (London Hackspace)"
    ws["A1"].font = TITLE
    ws["A2"] = "Statement of Financial Activities for the month ended 31 July 2009"
    ws["A2"].font = BOLD
    ws["A3"] = "(unaudited management accounts)"
    ws["A3"].font = ITAL
    header(ws, 5, [None, "Note", "Unrestricted funds", "Restricted funds", "Total funds July 2009"], fill=BLUE)
    header(ws, 6, [None, None, "£", "£", "£"], fill=BLUE)
    ws.row_dimensions[5].height = 30
    ws.freeze_panes = "A7"
    lines = {l["label"]: l for bl in b["blocks"] for l in flat(bl)}

    def item(r, label, sec):
        l = lines[label]
        ws.cell(r, 1, label).alignment = Alignment(indent=2)
        ws[f"C{r}"] = l["amounts"][0]
        ws[f"C{r}"].number_format = GBP
        bk.not_lines.append({"sheet": ws.title, "cell": f"C{r}", "what": "fund column part of the line (the line is the Total funds column)"})
        bk.line(ws, f"E{r}", l, sec, 0, value=f"=C{r}+D{r}", fmt=GBP)

    def total(r, label, first, last):
        ws.cell(r, 1, label).font = BOLD
        for col in "CE":
            bk.notline(ws, f"{col}{r}", f"=SUM({col}{first}:{col}{last})", "total", fmt=GBP, bold=True)
            ws[f"{col}{r}"].border = TOPLINE
        ws[f"D{r}"] = "-"
        ws[f"D{r}"].alignment = RIGHT
        ws[f"D{r}"].border = TOPLINE

    r = 8
    ws.cell(r, 1, "INCOMING RESOURCES").font = BOLD
    r += 1
    first = r
    ws.cell(r, 1, "Incoming resources from generated funds").font = ITAL
    r += 1
    ws.cell(r, 1, "Voluntary income").alignment = Alignment(indent=1)
    r += 1
    item(r, "Donations", "income"); r += 1
    ws.cell(r, 1, "Activities for generating funds").alignment = Alignment(indent=1)
    r += 1
    item(r, "Subscriptions", "income"); r += 1
    item(r, "Sales", "income"); r += 1
    ws.cell(r, 1, "Investment income").alignment = Alignment(indent=1)
    r += 1
    item(r, "Interest", "income"); r += 1
    total(r, "Total incoming resources", first, r - 1)
    ti = r
    r += 2
    ws.cell(r, 1, "RESOURCES EXPENDED").font = BOLD
    r += 1
    first = r
    ws.cell(r, 1, "Charitable activities").font = ITAL
    r += 1
    for lab in ("Rent", "Equipment", "Booze"):
        item(r, lab, "expense"); r += 1
    ws.cell(r, 1, "Governance costs").font = ITAL
    r += 1
    item(r, "Bank Charge", "expense"); r += 1
    total(r, "Total resources expended", first, r - 1)
    te = r
    r += 2
    ws.cell(r, 1, "NET INCOMING RESOURCES FOR THE MONTH").font = BOLD
    for col in "CE":
        bk.notline(ws, f"{col}{r}", f"={col}{ti}-{col}{te}", "résultat", fmt=GBP, bold=True)
        ws[f"{col}{r}"].border = DOUBLE_TOP
    r += 3
    ws.cell(r, 1, "Balance sheet at 31 July 2009").font = BOLD
    r += 1
    ws.cell(r, 1, "Current assets").font = ITAL
    r += 1
    cash = lines["Cash in Bank"]
    ws.cell(r, 1, "Cash in Bank").alignment = Alignment(indent=2)
    bk.line(ws, f"E{r}", cash, "income", 0, fmt=GBP)
    r += 2
    ws.cell(r, 1, "The Foundation's funds are all unrestricted; donations collected for the Leeds hackspace are held as a liability and not shown here.").font = ITAL
    bk.save()


# ---------------------------------------------------------------------------------------------------------
# 9. La Diana 1886 : compte de gestion sous un en-tête de trois lignes (groupes fusionnés sur sous-en-têtes),
#    en-têtes différents pour recettes et dépenses, budget ordinaire et budget additionnel. Recalculé.
def diana():
    b = load("la-diana-compte-de-gestion-1886")
    bk = Book("la-diana-entete-trois-lignes", b["id"], "A 19th-century « Compte de gestion de l'exercice 1886 » retyped by the society: each block has its OWN 3-row header with merged group titles — recettes: « Désignation des articles » (merged over 3 rows) | « Recettes à effectuer » over « d'après le budget | après vérification » | « Recettes effectuées » | « Restes à recouvrer » under a top row « EXERCICE 1886 — sommes en francs »; dépenses: « Dépenses » over « prévues au budget | sommes dues après vérification » | « Payements effectués » | « Restes à payer »; « 1° BUDGET ORDINAIRE » then « 2° BUDGET ADDITIONNEL » (its first row, the excédent of 1885, is a balance-sheet carry-over), article numbers inside the labels (« 1. Cotisations à 30 fr »), a francs number format, empty cells where the source has « » », =SUM totals on four columns, an « Excédent de recettes du budget ordinaire » row (effectuées − payements); recalculated.", True)
    ws = bk.sheet("Compte de gestion 1886", first=True)
    widths(ws, A=56, B=14, C=14, D=14, E=14)
    FR = '#,##0.00 "fr."'
    ws["A1"] = "LA DIANA — Société historique et archéologique du Forez"
    ws["A1"].font = TITLE
    ws["A2"] = "Compte de gestion de l'exercice 1886 (annexe n° I au procès-verbal de l'assemblée)"
    ws["A2"].font = ITAL

    def head3(r, first_label, group, g1, g2, c3, c4):
        ws.merge_cells(start_row=r, start_column=1, end_row=r + 2, end_column=1)
        ws.cell(r, 1, first_label)
        ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=5)
        ws.cell(r, 2, "EXERCICE 1886 — sommes en francs")
        ws.merge_cells(start_row=r + 1, start_column=2, end_row=r + 1, end_column=3)
        ws.cell(r + 1, 2, group)
        ws.cell(r + 2, 2, g1)
        ws.cell(r + 2, 3, g2)
        ws.merge_cells(start_row=r + 1, start_column=4, end_row=r + 2, end_column=4)
        ws.cell(r + 1, 4, c3)
        ws.merge_cells(start_row=r + 1, start_column=5, end_row=r + 2, end_column=5)
        ws.cell(r + 1, 5, c4)
        for rr in range(r, r + 3):
            for cc in range(1, 6):
                c = ws.cell(rr, cc)
                c.font = BOLD
                c.fill = GREY
                c.border = BOX
                c.alignment = CENTER
        ws.row_dimensions[r + 2].height = 30
        return r + 3

    def body(r, bl, sec, with_total=True):
        first = r
        for l in flat(bl):
            ws.cell(r, 1, l["label"])
            for ci, col in enumerate("BCDE"):
                bk.line(ws, f"{col}{r}", l, sec, ci, fmt=FR)
            r += 1
        if with_total:
            ws.cell(r, 1, "Total").font = BOLD
            for col in "BCDE":
                bk.notline(ws, f"{col}{r}", f"=SUM({col}{first}:{col}{r-1})", "total", fmt=FR, bold=True)
                ws[f"{col}{r}"].border = DOUBLE_TOP
        return r

    inc_hdr = ("Désignation des articles", "Recettes à effectuer", "d'après le budget", "après vérification", "Recettes effectuées", "Restes à recouvrer")
    exp_hdr = ("Désignation des articles", "Dépenses", "prévues au budget", "sommes dues après vérification", "Payements effectués", "Restes à payer")
    r = 4
    ws.cell(r, 1, "1° BUDGET ORDINAIRE").font = Font(bold=True, size=12)
    r += 1
    ws.cell(r, 1, "Recettes.").font = ITAL
    r += 1
    r = head3(r, *inc_hdr)
    bl_inc, bl_exp, bl_add = b["blocks"][0], b["blocks"][1], b["blocks"][2]
    assert bl_inc["section"] == "income" and bl_exp["section"] == "expense" and bl_add["heading"].startswith("2°")
    tr = body(r, bl_inc, "income")
    r = tr + 2
    ws.cell(r, 1, "Dépenses.").font = ITAL
    r += 1
    r = head3(r, *exp_hdr)
    td = body(r, bl_exp, "expense")
    r = td + 2
    ws.cell(r, 1, "Excédent (+) ou déficit (−) du budget ordinaire (recettes effectuées − payements effectués)").font = BOLD
    ws.cell(r, 1).alignment = WRAP
    bk.notline(ws, f"D{r}", f"=ROUND(D{tr}-D{td},2)", "résultat", fmt=FR + ";-" + FR, bold=True)
    r += 3
    ws.cell(r, 1, "2° BUDGET ADDITIONNEL").font = Font(bold=True, size=12)
    r += 1
    ws.cell(r, 1, "Recettes.").font = ITAL
    r += 1
    r = head3(r, *inc_hdr)
    r = body(r, bl_add, "income", with_total=False)
    r += 1
    ws.cell(r, 1, "(la suite du budget additionnel — dépenses — figure à la page suivante du Bulletin)").font = ITAL
    bk.save()


# ---------------------------------------------------------------------------------------------------------
# 10. Planning-Chat 2014 : un tableau croisé dynamique collé en valeurs (forme compactée), sous-totaux en
#     gras EN HAUT de chaque groupe, étiquettes triées par ordre alphabétique, « Total général » mêlant tout.
def planning():
    import unicodedata

    def key(s):
        return unicodedata.normalize("NFD", s).encode("ascii", "ignore").decode().casefold()

    b = load("planning-chat-2014")
    bk = Book("planning-chat-tcd-valeurs", b["id"], "A pivot table pasted as values (compact form) « Étiquettes de lignes | Somme de Montant »: a report filter row « Exercice | 2014 » above it (the year typed as a number), the outer row field is the rubric (« DEPENSES », « Dons en nature », « RECETTES - Fondations », « RECETTES - Subventions et conventions - Collectivités locales ») and the inner one the label, both sorted alphabetically as a pivot sorts them (so the expenses come first, the in-kind gift second, the receipts last), each rubric row in bold carrying its subtotal ABOVE its items (typed, no formula), items indented, a « Total général » that adds expenses, receipts and the in-kind gift together, pivot-style shading; no formula (not recalculated).", False)
    ws = bk.sheet("TCD 2014", first=True)
    widths(ws, A=66, B=20)
    PIV = PatternFill("solid", fgColor="DCE6F1")
    ws["A1"] = "Exercice"
    ws["A1"].font = BOLD
    bk.notline(ws, "B1", 2014, "pivot report filter (the year)")
    ws["B1"].alignment = RIGHT
    ws["A3"] = "Étiquettes de lignes"
    ws["B3"] = "Somme de Montant"
    for c in ("A3", "B3"):
        ws[c].font = BOLD
        ws[c].fill = PIV
        ws[c].border = BOTTOMLINE
    r = 4
    grand = 0
    for bl in sorted(b["blocks"], key=lambda x: key(x["heading"])):
        ls = sorted(flat(bl), key=lambda l: key(l["label"]))
        sub = csum(l["amounts"][0] for l in ls)
        grand += sub
        ws.cell(r, 1, bl["heading"]).font = BOLD
        bk.notline(ws, f"B{r}", sub, "pivot subtotal typed above its items", fmt=NUM2, bold=True)
        for c in (1, 2):
            ws.cell(r, c).border = TOPLINE
        r += 1
        for l in ls:
            ws.cell(r, 1, l["label"]).alignment = Alignment(indent=1)
            bk.line(ws, f"B{r}", l, bl["section"], 0, fmt=NUM2)
            r += 1
    ws.cell(r, 1, "Total général").font = BOLD
    bk.notline(ws, f"B{r}", round(grand, 2), "pivot grand total (expenses, receipts and in-kind together)", fmt=NUM2, bold=True)
    for c in (1, 2):
        ws.cell(r, c).fill = PIV
        ws.cell(r, c).border = TOPLINE
    r += 3
    ws.cell(r, 1, "TCD construit sur le cahier de saisie 2014 (valeurs collées pour l'assemblée générale)").font = ITAL
    bk.save()


# ---------------------------------------------------------------------------------------------------------
# 11. PyCon CZ 23 : budget de conférence en anglais, codes de plan numérotés tapés comme NOMBRES (1.01,
#     2.14…), montants en milliers de CZK, perte couverte par les réserves. Recalculé.
def pyvec():
    b = load("pyvec-pyconcz-2023")
    bk = Book("pyconcz-codes-numeriques", b["id"], "An English conference budget wrap-up « Code | Item | CZK '000 | Status » where each row has an outline code typed as a NUMBER with format 0.00 in column A (1.00 INCOME, 1.01…1.04 income items, 2.00 EXPENSES, 2.01…2.24 expense items, numbers that are not amounts), amounts in thousands of CZK as printed (1066 = 1 066 000 CZK), a text Status column (« paid », « invoiced », « reimbursed »), « Total income » / « Total expenses » =SUM, « Result of the conference » (a loss), then « Covered by: there was some available amount from previous conferences » (a carry-over, not income) and « Balance after the carry-over », frozen header; recalculated.", True)
    ws = bk.sheet("PyCon CZ 23", first=True)
    widths(ws, A=8, B=56, C=12, D=14)
    ws["A1"] = "PyCon CZ 23 — budget wrap-up"
    ws["A1"].font = TITLE
    ws["A2"] = "Pyvec, z.s. — all amounts in thousands of CZK (CZK '000)"
    ws["A2"].font = ITAL
    header(ws, 4, ["Code", "Item", "CZK '000", "Status"], fill=YELLOW)
    ws.freeze_panes = "A5"
    status = {"Tickets": "received", "Sponsors": "received", "Grants": "received", "Main venue rent": "paid", "AV services": "invoiced",
              "Volunteer reimbursements (travel and accommodation)": "reimbursed", "Financial aid for speakers": "reimbursed"}
    r = 5
    tots = {}
    carry = None
    for n, (sec, word) in enumerate((("income", "INCOME"), ("expense", "EXPENSES")), start=1):
        bk.notline(ws, f"A{r}", float(n), "outline code typed as a number", fmt="0.00")
        ws[f"A{r}"].font = BOLD
        ws.cell(r, 2, word).font = BOLD
        r += 1
        first = r
        k = 0
        for l in flat(blocks(b, sec)[0]):
            if l.get("notALine"):
                carry = l
                continue
            k += 1
            bk.notline(ws, f"A{r}", round(n + k / 100, 2), "outline code typed as a number", fmt="0.00")
            ws.cell(r, 2, l["label"])
            bk.line(ws, f"C{r}", l, sec, 0, fmt=NUM0)
            if l["label"] in status:
                ws.cell(r, 4, status[l["label"]])
            r += 1
        ws.cell(r, 2, "Total income" if sec == "income" else "Total expenses").font = BOLD
        bk.notline(ws, f"C{r}", f"=SUM(C{first}:C{r-1})", "total", fmt=NUM0, bold=True)
        ws[f"C{r}"].border = TOPLINE
        tots[sec] = r
        r += 2
    ws.cell(r, 2, "Result of the conference (income − expenses)").font = BOLD
    bk.notline(ws, f"C{r}", f"=C{tots['income']}-C{tots['expense']}", "résultat", fmt="#,##0;-#,##0", bold=True)
    res = r
    r += 1
    ws.cell(r, 2, "Covered by: " + carry["label"]).font = ITAL
    bk.line(ws, f"C{r}", carry, "income", 0, fmt=NUM0)
    r += 1
    ws.cell(r, 2, "Balance after the carry-over").font = BOLD
    bk.notline(ws, f"C{r}", f"=C{res}+C{r-1}", "résultat after the carry-over", fmt="#,##0;-#,##0", bold=True)
    r += 2
    ws.cell(r, 2, "Numbers from the organisers' wrap-up post; rounded to thousands, so totals may differ by 1.").font = ITAL
    bk.save()


# ---------------------------------------------------------------------------------------------------------
# 12. HAUM 2016 : un export CSV (« ; », virgule décimale) ouvert dans un Excel réglé en anglais : tous les
#     montants restent du TEXTE « 1937,31 », aucune mise en forme, lignes de chapitre et totaux du logiciel.
def haum():
    b = load("haum-realise-2016")
    bk = Book("haum-csv-virgule-texte", b["id"], "A semicolon CSV export of an association accounting program opened in an English-locale Excel (sheet named after the file « compte_resultat_2016 »): no formatting at all, header « Compte | Réel | Budget | Écart », the account number and label in ONE cell (« 701 - Prestation de services »), every amount left as TEXT with a decimal comma and no thousands separator (« 1937,31 », « 0,00 »), the program's rows kept: section rows « Revenu » / « Dépense » with no amount, chapter rows (« 70 - Vente de produits finis… ») carrying their subtotal as text, « Total Revenu » / « Total Dépense », « Résultat », and an Écart column (Réel − Budget) as text with « - » for negatives; no formula, no number (not recalculated).", False)
    ws = bk.sheet("compte_resultat_2016", first=True)

    def t(x):
        return f"{x:.2f}".replace(".", ",")

    ws.append(["Compte", "Réel", "Budget", "Écart"])
    tots = {}
    for bl in b["blocks"]:
        sec = bl["section"]
        ws.append([bl["heading"]])
        for g in bl["lines"]:
            ls = g["lines"] if "chapter" in g else [g]
            if "chapter" in g:
                r = ws.max_row + 1
                s0, s1 = csum(l["amounts"][0] for l in ls), csum(l["amounts"][1] for l in ls)
                ws.cell(r, 1, g["chapter"])
                bk.notline(ws, f"B{r}", t(s0), "chapter subtotal (text)")
                bk.notline(ws, f"C{r}", t(s1), "chapter subtotal (text)")
                bk.notline(ws, f"D{r}", t(round(s0 - s1, 2)), "écart (text)")
            for l in ls:
                r = ws.max_row + 1
                ws.cell(r, 1, l["label"])
                bk.line(ws, f"B{r}", l, sec, 0, value=t(l["amounts"][0]))
                bk.line(ws, f"C{r}", l, sec, 1, value=t(l["amounts"][1]))
                bk.notline(ws, f"D{r}", t(round(l["amounts"][0] - l["amounts"][1], 2)), "écart (text)")
        r = ws.max_row + 1
        s0 = csum(l["amounts"][0] for l in flat(bl))
        s1 = csum(l["amounts"][1] for l in flat(bl))
        tots[sec] = (s0, s1)
        ws.cell(r, 1, bl["total"])
        bk.notline(ws, f"B{r}", t(s0), "total (text)")
        bk.notline(ws, f"C{r}", t(s1), "total (text)")
        bk.notline(ws, f"D{r}", t(round(s0 - s1, 2)), "écart (text)")
    r = ws.max_row + 1
    ws.cell(r, 1, "Résultat")
    a = round(tots["income"][0] - tots["expense"][0], 2)
    c = round(tots["income"][1] - tots["expense"][1], 2)
    bk.notline(ws, f"B{r}", t(a), "résultat (text)")
    bk.notline(ws, f"C{r}", t(c), "résultat (text)")
    bk.notline(ws, f"D{r}", t(round(a - c, 2)), "écart (text)")
    bk.save()


ALL = [gfaop, colocrew, colocrew27, coanima, gssa, eebc, aqmat, london, diana, planning, pyvec, haum]

if __name__ == "__main__":
    only = set(sys.argv[1:])
    for fn in ALL:
        if not only or fn.__name__ in only:
            fn()
            print("built", fn.__name__)
