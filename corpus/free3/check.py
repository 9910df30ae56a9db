#!/usr/bin/python3
"""Re-opens every workbook of free3/ and checks it against its key:
- every key cell (line or non-line) holds something; a line's cell shows the corpus amount: a typed number, a text
  that reads as that number (« 1 060,65 », « (798 083) », « 1937,31 »), its cached formula result when the book was
  recalculated, or a simple formula (=C12+D12) evaluated here when it was not;
- every numeric cell, formula cell and amount-like text cell (not a bare digit string: account codes, years) of every sheet is in the key (as a line or a non-line);
- in a recalculated book every formula has a cached value (percentages may be blank), in the others none has;
- every non-null amount of the corpus budget is written exactly once (lines + balance-sheet non-lines), and each
  line's label, amount, section, lever and alt are those of the corpus.
Usage: /usr/bin/python3 check.py"""
import collections
import glob
import json
import os
import re

from openpyxl import load_workbook

HERE = os.path.dirname(os.path.abspath(__file__))
BUDGETS = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "budgets")
AMOUNT_TEXT = re.compile(r"^\s*\(?\s*[-−]?\s*\d[\d \u00a0\u202f']*([.,]\d+)?\s*\)?\s*(€|\$|£|CHF|EUR)?\s*$")
problems = 0


def bad(msg):
    global problems
    problems += 1
    print("  PROBLEM", msg)


def parse_text(s):
    """« 25 397,14 » -> 25397.14, « (798 083) » -> -798083, « 1937,31 » -> 1937.31, « 18'463.00 » -> 18463."""
    if not isinstance(s, str) or not AMOUNT_TEXT.match(s) or re.fullmatch(r"\s*\d+\s*", s):
        return None  # a bare digit string (« 6061 », « 2018 ») is a code, not an amount
    neg = "(" in s or "-" in s or "−" in s
    t = re.sub(r"[()\s\u00a0\u202f'€$£−-]|CHF|EUR", "", s).replace(",", ".")
    try:
        v = float(t)
    except ValueError:
        return None
    return -v if neg else v


def simple_eval(ws, f):
    m = re.fullmatch(r"=([A-Z]+\d+)\+([A-Z]+\d+)", f)
    if not m:
        return None
    vals = [ws[x].value for x in m.groups()]
    if not all(v is None or isinstance(v, (int, float)) for v in vals):
        return None
    return sum(v or 0 for v in vals)


def corpus_lines(b):
    out = []
    for bl in b["blocks"]:
        for l in bl["lines"]:
            for x in (l["lines"] if "chapter" in l else [l]):
                out.append((bl["section"], x))
    return out


for kf in sorted(glob.glob(os.path.join(HERE, "*.key.json"))):
    key = json.load(open(kf, encoding="utf-8"))
    path = os.path.join(HERE, key["file"])
    wf = load_workbook(path)
    wv = load_workbook(path, data_only=True)
    print(key["file"], "| lines", len(key["lines"]), "| notLines", len(key["notLines"]), "| recalculated", key["recalculated"])
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
            shown = v if key["recalculated"] else simple_eval(wf[e["sheet"]], f)
        elif isinstance(f, str):
            shown = parse_text(f)
        else:
            shown = f
        if not isinstance(shown, (int, float)):
            bad(f"line {k} shows {shown!r} (cell {f!r})")
            continue
        a = e["amount"]
        if not any(abs(shown - x) < 1e-6 for x in (a, -a)):
            bad(f"line {k} shows {shown} for amount {a}")
    for e in key["notLines"]:
        k = (e["sheet"], e["cell"])
        if k in known:
            bad(f"{k} twice in key")
        known[k] = "not"
        if wf[e["sheet"]][e["cell"]].value is None:
            bad(f"non-line {k} empty")
    for ws in wf.worksheets:
        wsv = wv[ws.title]
        for row in ws.iter_rows():
            for c in row:
                val = c.value
                is_num = isinstance(val, (int, float)) and not isinstance(val, bool)
                is_formula = isinstance(val, str) and val.startswith("=")
                is_text_amount = isinstance(val, str) and not is_formula and parse_text(val) is not None
                if (is_num or is_formula or is_text_amount) and (ws.title, c.coordinate) not in known:
                    bad(f"amount cell {ws.title}!{c.coordinate} = {val!r} not in key")
                if is_formula:
                    cached = wsv[c.coordinate].value
                    if key["recalculated"] and cached is None:
                        what = next((e["what"] for e in key["notLines"] if (e["sheet"], e["cell"]) == (ws.title, c.coordinate)), "")
                        if "percentage" not in what:
                            bad(f"{ws.title}!{c.coordinate} {val} has no cached value")
                    if not key["recalculated"] and cached is not None:
                        bad(f"{ws.title}!{c.coordinate} has a cached value in a non-recalculated book")
    # every corpus amount written once, with the corpus answer
    b = json.load(open(os.path.join(BUDGETS, key["budget"] + ".json"), encoding="utf-8"))
    want = collections.Counter()
    answers = {}
    n_bs = 0
    for sec, x in corpus_lines(b):
        for a in x["amounts"]:
            if a is None:
                continue
            if x.get("notALine"):
                n_bs += 1
            else:
                want[(x["label"], a)] += 1
                answers.setdefault((x["label"], a), []).append((sec, x["lever"], x.get("alt", []), x.get("account")))
    got = collections.Counter((e["label"], e["amount"]) for e in key["lines"])
    if want != got:
        bad(f"corpus lines {sum(want.values())} vs key lines {sum(got.values())}: missing {list((want - got).elements())[:5]}, extra {list((got - want).elements())[:5]}")
    for e in key["lines"]:
        opts = answers.get((e["label"], e["amount"]), [])
        if (e["section"], e["lever"], e["alt"], e.get("account")) not in opts:
            bad(f"line {e['cell']} « {e['label']} »: answer differs from the corpus")
    bs = sum(1 for e in key["notLines"] if e["what"].startswith("balance_sheet_account"))
    if bs != n_bs:
        bad(f"corpus has {n_bs} balance-sheet amounts, key has {bs}")
    print(f"   corpus amounts {sum(want.values()) + n_bs}, written {len(key['lines']) + bs}")
    for ws in wf.worksheets:
        feats = []
        if ws.freeze_panes:
            feats.append(f"freeze {ws.freeze_panes}")
        if ws.merged_cells.ranges:
            feats.append(f"{len(ws.merged_cells.ranges)} merges")
        print("   ", ws.title, "|", "; ".join(feats))
print("problems:", problems)
