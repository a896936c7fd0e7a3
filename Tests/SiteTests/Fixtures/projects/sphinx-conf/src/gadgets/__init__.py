"""Gadgets: small tools for tidy workshops."""
from ._tools import Wrench

__all__ = ["Wrench"]
__version__ = "3.1.4"
