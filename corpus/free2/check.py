#!/usr/bin/python3
"""Re-opens every workbook of free2/ and checks it against its key:
- every key cell (line or non-line) holds something; a line's cell shows the corpus amount (typed, or its cached
  formula result when recalculated, or a simple formula evaluated here), allowing the signed (-1) and k€ (/1000) layouts;
- every numeric or formula cell of every sheet is in the key (as a line or a non-line), except numbering/account columns;
- every non-null amount of the corpus budget is written exactly once (lines + balance-sheet non-lines).
Usage: /usr/bin/python3 check.py"""
import glob
import json
import os
import re

from openpyxl import load_workbook

HERE = os.path.dirname(os.path.abspath(__file__))
BUDGETS = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "budgets")
# cells that hold numbers but are not amounts: account numbers typed as numbers, line numbering
NOT_AMOUNT_COLUMNS = {"colocrew-balance-cloture.xlsx": {"A"}, "santesud-mayotte-keur.xlsx": {"A"}}

problems = 0


def bad(msg):
    global problems
    problems += 1
    print("  PROBLEM", msg)


def simple_eval(ws, f):
    """=A1*12, =C5*0.8 : the only formulas typed in line cells of the non-recalculated workbooks."""
    m = re.fullmatch(r"=([A-Z]+\d+)\*([\d.]+)", f)
    if not m:
        return None
    v = ws[m.group(1)].value
    return None if not isinstance(v, (int, float)) else v * float(m.group(2))


for kf in sorted(glob.glob(os.path.join(HERE, "*.key.json"))):
    key = json.load(open(kf, encoding="utf-8"))
    path = os.path.join(HERE, key["file"])
    wf = load_workbook(path)  # formulas
    wv = load_workbook(path, data_only=True)  # cached values
    print(key["file"], "lines", len(key["lines"]), "notLines", len(key["notLines"]), "recalculated", key["recalculated"])
    known = {}
    for e in key["lines"]:
        k = (e["sheet"], e["cell"])
        if k in known:
            bad(f"{k} twice in key")
        known[k] = "line"
        f = wf[e["sheet"]][e["cell"]].value
        v = wv[e["sheet"]][e["cell"]].value
        if f is None:
            bad(f"line {k} empty")
            continue
        if isinstance(f, str) and f.startswith("="):
            if key["recalculated"]:
                shown = v
            else:
                shown = simple_eval(wf[e["sheet"]], f)
                if v is not None:
                    bad(f"{k} has a cached value in a non-recalculated book")
        else:
            shown = f
        if not isinstance(shown, (int, float)):
            bad(f"line {k} shows {shown!r} (formula {f!r})")
            continue
        a = e["amount"]
        if not any(abs(shown - x) < 1e-6 for x in (a, -a, a / 1000)):
            bad(f"line {k} shows {shown} for amount {a}")
    for e in key["notLines"]:
        k = (e["sheet"], e["cell"])
        if k in known:
            bad(f"{k} twice in key")
        known[k] = "not"
        f = wf[e["sheet"]][e["cell"]].value
        if f is None:
            bad(f"non-line {k} empty")
        if key["recalculated"] and isinstance(f, str) and f.startswith("="):
            v = wv[e["sheet"]][e["cell"]].value
            if v is None and "percentage" not in e["what"]:
                bad(f"non-line {k} {f} has no cached value")
    skip = NOT_AMOUNT_COLUMNS.get(key["file"], set())
    for ws in wf.worksheets:
        for row in ws.iter_rows():
            for c in row:
                val = c.value
                is_num = isinstance(val, (int, float)) and not isinstance(val, bool)
                is_formula = isinstance(val, str) and val.startswith("=")
                if (is_num or is_formula) and (ws.title, c.coordinate) not in known and c.column_letter not in skip:
                    bad(f"amount cell {ws.title}!{c.coordinate} = {val!r} not in key")
    # every corpus amount written once
    b = json.load(open(os.path.join(BUDGETS, key["budget"] + ".json"), encoding="utf-8"))
    want = 0
    for bl in b["blocks"]:
        for l in bl["lines"]:
            for x in (l["lines"] if "chapter" in l else [l]):
                want += sum(1 for a in x["amounts"] if a is not None)
    got = len(key["lines"]) + sum(1 for e in key["notLines"] if e["what"].startswith("balance_sheet_account"))
    note = "" if want == got else f"  (corpus has {want} non-null amounts, key has {got})"
    print("  corpus amounts", want, "written", got, note)
    # layout features kept through LibreOffice
    for ws in wf.worksheets:
        feats = []
        if ws.freeze_panes:
            feats.append(f"freeze {ws.freeze_panes}")
        if ws.tables:
            feats.append("tables " + ",".join(ws.tables.keys()))
        hc = [k for k, d in ws.column_dimensions.items() if d.hidden]
        if hc:
            feats.append(f"hidden cols {hc}")
        hr = [k for k, d in ws.row_dimensions.items() if d.hidden]
        if hr:
            feats.append(f"hidden rows {hr}")
        ol = [k for k, d in ws.row_dimensions.items() if d.outlineLevel]
        if ol:
            feats.append(f"outline rows {min(ol)}-{max(ol)} ({len(ol)})")
        if ws.merged_cells.ranges:
            feats.append(f"{len(ws.merged_cells.ranges)} merges")
        print("   ", ws.title, "|", "; ".join(feats))
print("problems:", problems)
