"""Parsers for every official sanctions list format, with detection and grouping."""

from seisai.sources.base import (
    FORMATS,
    ListFormat,
    ParsedList,
    Publication,
    SourceFile,
    detect_format,
    get_format,
    group_files,
    register,
)

__all__ = [
    "FORMATS",
    "ListFormat",
    "ParsedList",
    "Publication",
    "SourceFile",
    "detect_format",
    "get_format",
    "group_files",
    "register",
]
