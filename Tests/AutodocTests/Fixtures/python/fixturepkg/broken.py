"""A module with a syntax error."""

def fine():
    pass

def broken(:
    pass
