#!/usr/bin/env python3
"""Subset Noto Sans CJK SC (Regular and Bold) to the Chinese characters in common use.

Reproducible: `pip install fonttools==4.*` and `apt-get install fonts-noto-cjk`, then

    python3 assets/fonts/subset-cjk.py [/usr/share/fonts/opentype/noto]

writes NotoSansCJKsc-Regular.subset.otf and NotoSansCJKsc-Bold.subset.otf next to this script.

Kept: every character of GB 2312 (6763 hanzi, which cover level 1 of the Table of General
Standard Chinese Characters and most of level 2, plus its punctuation and symbols), the CJK
Symbols and Punctuation block, half- and full-width forms, and CJK compatibility forms.
Latin and Cyrillic come from Noto Sans; the renderer only uses this font for what Noto Sans
lacks. Hinting and OpenType layout tables are dropped: the PDF renderer positions glyphs by
their advances and shapes nothing.
"""

import os
import sys

from fontTools import subset
from fontTools.ttLib import TTCollection

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/fonts/opentype/noto"
SC_INDEX = "Noto Sans CJK SC"


def gb2312():
    chars = set()
    for row in range(0xA1, 0xF8):
        for col in range(0xA1, 0xFF):
            try:
                chars.add(bytes([row, col]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return {ord(c) for c in chars}


def unicodes():
    wanted = gb2312()
    wanted |= set(range(0x3000, 0x3040))  # CJK symbols and punctuation
    wanted |= set(range(0xFF00, 0xFFF0))  # half- and full-width forms
    wanted |= set(range(0xFE30, 0xFE50))  # CJK compatibility forms
    wanted |= set(range(0x20, 0x7F))  # ASCII, so that a run's spaces stay in one font
    return sorted(wanted)


def font_number(path):
    for i, font in enumerate(TTCollection(path).fonts):
        if font["name"].getDebugName(1) == SC_INDEX:
            return i
    raise SystemExit(f"{SC_INDEX} not in {path}")


def main():
    chars = unicodes()
    for weight in ("Regular", "Bold"):
        src = os.path.join(SRC, f"NotoSansCJK-{weight}.ttc")
        out = os.path.join(HERE, f"NotoSansCJKsc-{weight}.subset.otf")
        options = subset.Options()
        options.font_number = font_number(src)
        options.layout_features = []
        options.hinting = False
        options.desubroutinize = False
        options.name_IDs = ["*"]
        options.name_languages = ["*"]
        options.notdef_outline = True
        options.drop_tables += ["GSUB", "GPOS", "GDEF", "BASE", "VORG", "vhea", "vmtx", "DSIG"]
        font = subset.load_font(src, options)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=chars)
        subsetter.subset(font)
        subset.save_font(font, out, options)
        print(out, os.path.getsize(out), "bytes,", len(font.getBestCmap()), "characters")


if __name__ == "__main__":
    main()
