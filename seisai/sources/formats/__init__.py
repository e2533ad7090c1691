"""One module per official list format; each registers itself with ``@register``.

Importing this package imports every module in it, so a new format needs no other change.
"""

import importlib
import pkgutil

for _info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
    importlib.import_module(f"{__name__}.{_info.name}")
