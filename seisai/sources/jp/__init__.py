"""Readers for the cells and pages of Japan's own lists (MOF workbook, METI lists).

The Japanese publishers write lists by hand: names in katakana and Latin stacked in one cell,
aliases as "(別称、A、B及びC)" or "(a.k.a. X; a.k.a. Y)", enumerations "(a)(b)", dates in
Western and era forms with ranges and typos, document numbers inside Japanese prose. The
modules here turn such text into model values; the format modules in
:mod:`seisai.sources.formats` (``jp_mof``, ``jp_meti_eul``, ``jp_meti_ru``) use them.
"""
