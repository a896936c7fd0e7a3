import typing as t


class Node:
    """A node."""


NodeList = t.List[Node]
