"""Gives a font's placeholder glyph (U+FFFD, what the app draws for a
character its fonts lack) a second code, U+0080, an unprintable control
character. src/ui/theme.cpp makes it the fallback from there, and ImGui's
lookup tables then end at the fonts' last character instead of at U+FFFD.

Usage: placeholder_glyph.py FONT (changed in place)
"""
import sys

from fontTools.ttLib import TTFont

PLACEHOLDER, SECOND_CODE = 0xFFFD, 0x0080

font = TTFont(sys.argv[1])
mapped = False
for table in font['cmap'].tables:
    if table.isUnicode() and PLACEHOLDER in table.cmap:
        table.cmap[SECOND_CODE] = table.cmap[PLACEHOLDER]
        mapped = True
if not mapped:
    sys.exit(f'{sys.argv[1]}: no U+FFFD glyph to give U+0080')
font.save(sys.argv[1])
