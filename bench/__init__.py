"""Benchmarks: `python -m bench <name>` runs one and writes its section of docs/benchmarks.md."""
