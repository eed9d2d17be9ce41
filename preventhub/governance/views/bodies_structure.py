"""The structure chart: which body reports to which, as a server-drawn SVG picture, a nested list
and a table (the picture is ``role="img"`` with a title and description; the list and the table
carry the same facts for screen readers and for anyone who prefers text).

The picture uses an indented-tree layout, one body per row, so it stays readable with any number
of bodies and needs no JavaScript and no inline styles (SVG presentation attributes only).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from preventhub.governance.models import Body

ROW = 44
INDENT = 36
BOX_HEIGHT = 32
CHAR_WIDTH = 8.2  # approximate width of one character of 16px GDS Transport / Arial
PADDING = 12
MARGIN = 8


@dataclass
class Node:
    body: Body
    depth: int
    row: int
    parent: Node | None = None
    children: list[Node] = field(default_factory=list)

    @property
    def x(self) -> int:
        return MARGIN + self.depth * INDENT

    @property
    def y(self) -> int:
        return MARGIN + self.row * ROW

    @property
    def width(self) -> int:
        return int(len(self.label) * CHAR_WIDTH) + 2 * PADDING

    @property
    def label(self) -> str:
        return self.body.name

    @property
    def text_x(self) -> int:
        return self.x + PADDING

    @property
    def text_y(self) -> int:
        return self.y + BOX_HEIGHT // 2 + 5


@dataclass
class Chart:
    roots: list[Node]
    nodes: list[Node]
    edges: list[dict[str, int]]
    width: int
    height: int
    description: str


def structure_chart(bodies: list[Body]) -> Chart:
    """Lay out ``bodies`` (each with ``parent`` loaded) as a tree. A body whose parent the user may
    not see is drawn at the top level."""
    ids = {b.pk for b in bodies}
    by_parent: dict[int | None, list[Body]] = {}
    for body in bodies:
        by_parent.setdefault(body.parent_id if body.parent_id in ids else None, []).append(body)
    nodes: list[Node] = []

    def place(parent: Node | None, depth: int, seen: frozenset[int]) -> list[Node]:
        placed = []
        for body in by_parent.get(parent.body.pk if parent else None, []):
            if body.pk in seen:
                continue  # a cycle cannot be saved, but a drawing should never loop
            node = Node(body=body, depth=depth, row=len(nodes), parent=parent)
            nodes.append(node)
            node.children = place(node, depth + 1, seen | {body.pk})
            placed.append(node)
        return placed

    roots = place(None, 0, frozenset())
    edges = []
    for node in nodes:
        for child in node.children:
            # An elbow from the left of the parent's box down and across to the child's box.
            x = node.x + INDENT // 2
            edges.append(
                {
                    "x1": x,
                    "y1": node.y + BOX_HEIGHT,
                    "x2": x,
                    "y2": child.y + BOX_HEIGHT // 2,
                    "x3": child.x,
                }
            )
    width = max((n.x + n.width for n in nodes), default=0) + MARGIN
    height = MARGIN * 2 + max(len(nodes) * ROW - (ROW - BOX_HEIGHT), 0)
    return Chart(
        roots=roots,
        nodes=nodes,
        edges=edges,
        width=width,
        height=height,
        description=_describe(roots, len(nodes)),
    )


def _describe(roots: list[Node], count: int) -> str:
    if not count:
        return "No bodies are recorded."
    tops = ", ".join(n.label for n in roots)
    return (
        f"{count} bodies. At the top: {tops}. "
        "Each body is drawn below and to the right of the body it "
        "reports to, joined by a line. The same structure follows as a list and as a table."
    )
