"""Imports a name from a module that imports it back."""
from .cycle_b import loop
