"""seisai: sanctions screening and compliance for Japan's Russia sanctions and its G7 partners'."""

__version__ = "0.1.0"

__all__ = ["__version__"]
