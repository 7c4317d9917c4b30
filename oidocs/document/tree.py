"""The neutral document tree every writer renders.

Assembly builds it from clauses, transforms number it and resolve references, and writers
only walk it. One small class per element; ``children`` lists what a node contains, so a
visitor can walk any node without knowing its type. :func:`dump` prints a tree for tests.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator, Union

# --- inline nodes ---------------------------------------------------------------------

@dataclass
class Text:
    """Fixed wording from a clause or a label."""

    text: str


@dataclass
class Insert:
    """Wording taken from the deal file (or computed from it): always literal data."""

    text: str


@dataclass
class Ref:
    """A reference to an article or schedule by clause id; ``text`` is set by the numbering transform.

    ``paragraph``: 0 for the whole article, n for its n-th paragraph, -1 for its last (第7条第4項 /
    Article 7(4)): a clause cites a paragraph of another article without typing its number."""

    target: str
    text: str = ""
    paragraph: int = 0
    suffix: str = ""  # the paragraph's part of ``text`` (第4項 / (4)): DOCX fields update the article's part only


@dataclass
class Term:
    """A defined term: its definition (``defining``) or a use of it; ``text`` is its wording."""

    key: str
    text: str
    defining: bool = False


Inline = Union[Text, Insert, Ref, Term]


# --- block nodes ----------------------------------------------------------------------

@dataclass
class Item:
    """An item (号) of a paragraph; ``label`` is computed: （1） / (a)."""

    inlines: list[Inline]
    label: str = ""

    @property
    def children(self) -> list[Inline]:
        return self.inlines


@dataclass
class Paragraph:
    """A paragraph (項) with its items; ``number`` is computed (0: printed without number)."""

    inlines: list[Inline]
    items: list[Item] = field(default_factory=list)
    number: int = 0

    @property
    def children(self) -> list[Inline | Item]:
        return [*self.inlines, *self.items]


@dataclass
class Table:
    """A table inside an article: a header row and data rows of cells."""

    header: list[list[Inline]]
    rows: list[list[list[Inline]]]

    @property
    def children(self) -> list[Inline]:
        return [i for row in [self.header, *self.rows] for cell in row for i in cell]


Block = Union[Paragraph, Table]


@dataclass
class Clause:
    """Provenance of a block of text: which clause file it came from and why."""

    id: str
    version: int
    title: str
    note: str = ""
    reason: str = ""
    source: str = ""
    user: bool = False
    provides: tuple[str, ...] = ()  # named provisions it carries (front matter), cited as "@name"


@dataclass
class Article:
    """An article (条); ``number`` and ``label`` (第3条 / Article 3) are computed."""

    clause: Clause
    blocks: list[Block]
    number: int = 0
    label: str = ""

    @property
    def children(self) -> list[Block]:
        return self.blocks


@dataclass
class Preamble:
    clause: Clause
    blocks: list[Block]

    @property
    def children(self) -> list[Block]:
        return self.blocks


@dataclass
class Closing:
    """The execution clause, the date line and the signature block."""

    clause: Clause
    blocks: list[Block]
    date_line: str
    signatures: list[Signatory]

    @property
    def children(self) -> list[Block]:
        return self.blocks


@dataclass
class Signatory:
    """One party's signature entry: its designation and the labelled rows under it.

    The rows (address, name, representative with the seal mark, and in English a signature
    line and a date) are decided once at assembly, so every writer prints the same block.
    """

    designation: str
    rows: list[tuple[str, list[Inline]]]
    # The same particulars unlabelled, for writers that lay a block out their own way (an
    # English block: NAME / By / Name / Title); ``seal`` is the mark printed beside the
    # representative (印), empty where none is affixed. ``rows`` already carries it.
    name: list[Inline] = field(default_factory=list)
    address: list[Inline] = field(default_factory=list)
    representative: list[Inline] = field(default_factory=list)
    seal: str = ""
    by_hand: bool = True  # signed on paper (a ruled line to sign on), not by electronic signature


@dataclass
class Schedule:
    """A schedule (別紙) after the signatures; ``label`` is computed: 別紙 / Schedule 1."""

    clause: Clause
    blocks: list[Block]
    label: str = ""

    @property
    def children(self) -> list[Block]:
        return self.blocks


@dataclass
class Document:
    """One agreement in one language."""

    doc: str
    lang: str
    deal_id: str
    title: str
    preamble: Preamble
    articles: list[Article]
    closing: Closing
    schedules: list[Schedule] = field(default_factory=list)
    date_iso: str | None = None

    @property
    def children(self) -> list[Preamble | Article | Closing | Schedule]:
        return [self.preamble, *self.articles, self.closing, *self.schedules]

    def clauses(self) -> list[Clause]:
        """Return every clause used, in document order."""
        return [part.clause for part in self.children]


Part = Union[Preamble, Article, Closing, Schedule]


@dataclass
class Bilingual:
    """One agreement in two languages side by side (和英併記): ``first`` is printed on the left.

    Both trees come from the same document definition with the same deal, so they hold the
    same clauses in the same order (the parity rule); :func:`pair_parts` checks it.
    """

    first: Document
    second: Document
    prevailing: str


def pair_parts(pair: Bilingual) -> list[tuple[Part, Part]]:
    """Return the parts of the two trees side by side; raise ValueError if they do not match."""
    left, right = pair.first.children, pair.second.children
    if [(type(p), p.clause.id) for p in left] != [(type(p), p.clause.id) for p in right]:
        raise ValueError(f"the {pair.first.lang} and {pair.second.lang} {pair.first.doc} documents "
                         "do not have the same clauses in the same order")
    return list(zip(left, right))


Node = Union[Document, Preamble, Article, Closing, Schedule, Paragraph, Item, Table, Text, Insert, Ref, Term]


def walk(node: Node) -> Iterator[Node]:
    """Yield ``node`` and every node below it, depth first, in document order."""
    stack: list[Node] = [node]
    while stack:
        current = stack.pop()
        yield current
        if type(current) in _LEAVES:  # most nodes are words: no children to look up
            continue
        children = getattr(current, "children", None)
        if children:
            stack.extend(reversed(children))


_LEAVES = frozenset({Text, Insert, Ref, Term})


def words(part: Part) -> list[Inline]:
    """Every inline node of a part (its paragraphs, items and table cells), in document order.

    What :func:`walk` yields of a part's words, as one list: the checks that look at every word
    of a document do not pay a generator step for each node, nor for the blocks around them.
    """
    out: list[Inline] = []
    for block in part.blocks:
        if type(block) is Paragraph:
            out += block.inlines
            for item in block.items:
                out += item.inlines
        else:
            out += [n for n in walk(block) if type(n) in _LEAVES]  # type: ignore[misc]
    return out


def text_length(node: Node) -> int:
    """The number of characters of text in ``node`` and below it (a page count's estimate).

    The same as summing ``len(n.text)`` over :func:`walk`'s words, without a generator's cost.
    """
    if type(node) is Document:  # a whole agreement: its parts' words, without visiting each block
        return sum([len(word.text) for part in node.children for word in words(part)])
    total = 0
    stack: list[Node] = [node]
    while stack:
        current = stack.pop()
        if type(current) in _LEAVES:
            total += len(current.text)  # type: ignore[union-attr]
            continue
        children = getattr(current, "children", None)
        if children:
            stack.extend(children)
    return total


def dump(node: Node, indent: int = 0) -> str:
    """Return an indented outline of ``node`` for tests and debugging."""
    pad = "  " * indent
    name = type(node).__name__
    if isinstance(node, (Text, Insert)):
        return f"{pad}{name} {node.text!r}\n"
    if isinstance(node, Ref):
        return f"{pad}Ref {node.target} -> {node.text!r}\n"
    if isinstance(node, Term):
        return f"{pad}Term {node.key}{' (defines)' if node.defining else ''} {node.text!r}\n"
    extra = ""
    if isinstance(node, Article):
        extra = f" {node.label} {node.clause.id}@{node.clause.version}"
    elif isinstance(node, Schedule):
        extra = f" {node.label} {node.clause.id}@{node.clause.version}"
    elif isinstance(node, Paragraph):
        extra = f" {node.number}"
    elif isinstance(node, Item):
        extra = f" {node.label}"
    out = f"{pad}{name}{extra}\n"
    for child in getattr(node, "children", ()):
        out += dump(child, indent + 1)
    return out
