"""The kitchen's own Sphinx extension."""
from docutils import nodes
from docutils.parsers.rst import Directive, roles


class RecipeDirective(Directive):
    has_content = True

    def run(self):
        return []


def on_init(app):
    pass


def setup(app):
    app.add_crossref_type("technique", "tech", "single: %s (technique)", nodes.emphasis)
    app.add_config_value("kitchen_units", "metric", "env")
    app.add_config_value("kitchen_oven", True, "env")
    app.add_generic_role("utensil", nodes.strong)
    app.add_role("dish", roles.GenericRole("dish", nodes.emphasis))
    app.add_directive("recipe", RecipeDirective)
    for event in ["builder-inited"]:
        app.connect(event, on_init)
    return {"version": "1.0", "parallel_read_safe": True}
