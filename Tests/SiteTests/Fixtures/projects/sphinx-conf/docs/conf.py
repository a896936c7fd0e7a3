# A Sphinx configuration as projects write it; Vellum reads it without running Python.
import os
import sys
import datetime

sys.path.insert(0, os.path.abspath("../src"))

project = "Gadgets"
author = "The Gadgets authors"
copyright = f"2020-{datetime.date.today().year}, {author}"

try:
    import gadgets
    release = gadgets.__version__
except ImportError:
    release = "unknown"
version = "3.1"

extensions = ["sphinx.ext.autodoc", "sphinx.ext.extlinks"]
master_doc = "contents"
source_suffix = [".rst", ".txt"]
exclude_patterns = ["_build", "drafts/*"]
default_role = "py:obj"
nitpick_ignore = [("py:class", "Spanner")]
extlinks = {"issue": ("https://tracker.example.org/%s", "issue %s")}

rst_epilog = """
.. |tool| replace:: a wrench
.. _tracker: https://tracker.example.org/
"""
today_fmt = "%Y-%m-%d"
