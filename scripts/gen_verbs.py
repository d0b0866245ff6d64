#!/usr/bin/env python3
"""Converts the PETRARCH2 CAMEO verb dictionary into tidings' compact trigger file.

Source: CAMEO.2.0.txt from github.com/openeventdata/petrarch2 (commit
676801cd9cb2924bbbad09f86d15c9323e7097bf, data/dictionaries/), copied into
../shared/data/petrarch2/dictionaries/. Licence: MIT, Copyright (c) 2015 Open
Event Data Alliance; the licence text is repeated in the output's header.

Usage: scripts/gen_verbs.py [DATA_DIR]   (default ../shared/data)
Writes crates/nlp/data/verbs.tsv with three kinds of lines:

  V <TAB> form <TAB> lemma <TAB> code
      a verb form (inflections generated for regular verbs, irregular ones as
      the dictionary gives them; multi-word forms joined by spaces, e.g.
      "met with"), the block it belongs to, and its code: the member's own
      code, else the block's; `---` means the verb codes nothing by itself.
  P <TAB> lemma <TAB> before <TAB> after <TAB> code
      a pattern of the block: words that must stand before the verb and
      after it (in order, gaps allowed), each element a `|`-separated set of
      alternatives (synonym sets expanded; multi-word alternatives joined by
      `_`), and its code.

A dictionary code `[a:b]` (TABARI's paired codes) codes `a` from the subject
to the object and `b` in the other direction. tidings codes one event per
pair, so `a` is kept; a pattern with only `b` (`[:020]`, "X faced calls from
Y") is written as `~b`: the roles are reversed.
"""

import os
import re
import sys

DATA = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "shared", "data")
SOURCE = os.path.join(DATA, "petrarch2", "dictionaries", "CAMEO.2.0.txt")
OUT = os.path.join(os.path.dirname(__file__), "..", "crates", "nlp", "data", "verbs.tsv")

VOWELS = set("AEIOU")


def regular_forms(base):
    """Base, third person, past, gerund of a regular English verb."""
    forms = [base]
    if re.search(r"(S|X|Z|CH|SH|O)$", base):
        forms.append(base + "ES")
    elif re.search(r"[^AEIOU]Y$", base):
        forms.append(base[:-1] + "IES")
    else:
        forms.append(base + "S")
    if base.endswith("E"):
        forms.append(base + "D")
        forms.append(base[:-1] + "ING" if not base.endswith("EE") else base + "ING")
    elif re.search(r"[^AEIOU]Y$", base):
        forms.append(base[:-1] + "IED")
        forms.append(base + "ING")
    elif (len(base) >= 3 and base[-1] not in VOWELS and base[-1] not in "WXY"
          and base[-2] in VOWELS and base[-3] not in VOWELS and len(base) <= 4):
        # Short consonant-vowel-consonant verbs double the last letter
        # (STOP, STOPPED); longer ones mostly do not (VISIT, VISITED).
        forms.append(base + base[-1] + "ED")
        forms.append(base + base[-1] + "ING")
    else:
        forms.append(base + "ED")
        forms.append(base + "ING")
    return forms


def parse_code(text):
    """`[040]`, `[042:043]`, `[:020]`, `[---]` → our code, or None."""
    inner = text.strip()[1:-1].strip()
    forward, _, backward = inner.partition(":")
    forward, backward = forward.strip(), backward.strip()
    if forward and forward != "---":
        return forward
    if backward and backward != "---":
        return "~" + backward
    return "---"


def words_of(text):
    return [w for w in text.replace("_", " ").split() if w]


def main():
    lines = open(SOURCE, encoding="utf-8", errors="replace").read().splitlines()
    synsets = {}
    current = None
    i = 0
    # Synonym sets: `&NAME` then `+MEMBER` lines.
    while i < len(lines) and "VERB PATTERNS" not in lines[i]:
        line = lines[i].split("#", 1)[0].rstrip()
        if line.startswith("&"):
            current = line.strip().rstrip("_")
            synsets[current] = []
        elif line.startswith("+") and current:
            synsets[current].append(line[1:].strip().rstrip("_"))
        elif not line.strip():
            current = None
        i += 1

    def element(token):
        token = token.strip("{}()").rstrip("_")
        if not token:
            return None
        if token.startswith("&"):
            members = synsets.get(token, [])
            return "|".join(sorted(set(m.lower() for m in members if m))) or None
        return token.lower()

    verbs = []     # (form, lemma, code)
    patterns = []  # (lemma, before, after, code)
    block = None
    block_code = "---"
    header = re.compile(r"^---\s+(\S+)\s+(\[[^\]]*\])")
    for raw in lines[i:]:
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        m = header.match(line)
        if m:
            block = m.group(1).lower()
            block_code = parse_code(m.group(2))
            continue
        if block is None:
            continue
        if line.startswith("-"):
            m = re.match(r"^-\s*(.*?)\s*(\[[^\]]*\])\s*$", line)
            if not m or "*" not in m.group(1):
                continue
            before, after = m.group(1).split("*", 1)
            pre = [e for e in (element(t) for t in before.split()) if e]
            post = [e for e in (element(t) for t in after.split()) if e]
            code = parse_code(m.group(2))
            if code == "---" or (not pre and not post):
                continue
            patterns.append((block, " ".join(pre), " ".join(post), code))
            continue
        # A member: WORD, WORD {FORMS}, +MULTI_WORD {+FORMS}, optionally [code].
        code = block_code
        cm = re.search(r"\[[^\]]*\]", line)
        if cm:
            code = parse_code(cm.group(0))
            line = line[: cm.start()] + line[cm.end():]
        explicit = re.search(r"\{([^}]*)\}", line)
        head = line[: explicit.start()] if explicit else line
        head = head.strip()
        if not head:
            continue
        multi = head.startswith("+")
        base = head.lstrip("+").rstrip("_")
        if explicit:
            forms = [base] + [f.lstrip("+").rstrip("_") for f in explicit.group(1).split()]
        elif multi:
            first, *rest = base.split("_")
            forms = [" ".join([f] + rest) for f in regular_forms(first)]
        else:
            forms = regular_forms(base)
        for form in forms:
            form = " ".join(words_of(form)).lower()
            # Comments and stray punctuation in the source are not forms.
            if re.fullmatch(r"[a-z][a-z'.-]*( [a-z][a-z'.-]*)*", form):
                verbs.append((form, block, code))

    seen = set()
    out = []
    for form, lemma, code in verbs:
        if (form, lemma) in seen:
            continue
        seen.add((form, lemma))
        out.append(f"V\t{form}\t{lemma}\t{code}")
    for lemma, pre, post, code in patterns:
        out.append(f"P\t{lemma}\t{pre}\t{post}\t{code}")

    licence = [l for l in lines if l.startswith("# ") and ("MIT" in l or "Copyright" in l or "Permission" in l)]
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("# CAMEO verb triggers and patterns, converted by scripts/gen_verbs.py from the\n")
        f.write("# PETRARCH2 CAMEO verb dictionary (CAMEO.2.0.txt, github.com/openeventdata/petrarch2,\n")
        f.write("# commit 676801cd9cb2924bbbad09f86d15c9323e7097bf). The MIT License (MIT),\n")
        f.write("# Copyright (c) 2015 Open Event Data Alliance: permission is hereby granted, free of\n")
        f.write("# charge, to any person obtaining a copy of this software and associated documentation\n")
        f.write("# files, to deal in the Software without restriction, subject to including the copyright\n")
        f.write("# notice and this permission notice in all copies or substantial portions; THE SOFTWARE\n")
        f.write("# IS PROVIDED \"AS IS\", WITHOUT WARRANTY OF ANY KIND. Full text: ../../../shared/data/petrarch2/LICENSE.\n")
        f.write("# V form lemma code | P lemma before after code (see the converter's docstring)\n")
        f.write("\n".join(out) + "\n")
    print(f"verbs: {len(seen)} forms, {len(patterns)} patterns -> {OUT}")


if __name__ == "__main__":
    main()
