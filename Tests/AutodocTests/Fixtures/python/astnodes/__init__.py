"""A template AST whose node classes declare their fields, like Jinja's."""
