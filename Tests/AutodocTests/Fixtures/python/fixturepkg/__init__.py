"""Fixture package for the static Python extractor.

It is never imported: Vellum reads it as text.
"""

from .constructs import Shape, area as compute_area
from . import tabs
import os.path as osp, sys

__all__ = ["Shape", "VERSION"]
__all__ += ["compute_area"]

#: The fixture's version.
VERSION = (1, 2)
