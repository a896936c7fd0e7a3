# A Sphinx project whose conf.py and local extension register markup in setup(app).
import os
import sys

sys.path.insert(0, os.path.abspath("_ext"))

project = "Kitchen"
version = "2.0"
extensions = ["recipes", "sphinx.ext.ifconfig"]
kitchen_units = "imperial"


def setup(app):
    app.add_object_type(
        "ingredient",
        "ingr",
        "pair: %s; ingredient",
        objname="ingredient",
    )
    app.add_css_file("kitchen.css")
