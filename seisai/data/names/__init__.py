"""Reference tables (YAML) read at run time."""
