"""Stage 4, the writers: render a finished document tree; each is a visitor over the tree.

``WRITERS`` maps a format name to the module function ``render(document, options) -> bytes``,
imported only when used so that the CLI starts fast. ``docx`` (with ``docx_xml``, the raw
OOXML python-docx lacks, and ``zipfile_fixed`` for byte-identical zips) and ``markdown``;
``bilingual_docx`` and ``bilingual_md`` render a :class:`~oidocs.document.tree.Bilingual`
pair side by side (``bilingual_renderer``).
May import: :mod:`oidocs.document`, :mod:`oidocs.errors`, :mod:`oidocs.cache`. Never deals,
clauses, review, run or cli: a writer sees only the tree.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any, Callable

from oidocs.document.tree import Bilingual, Document, Node

FORMATS = ("docx", "md")


@dataclass(frozen=True)
class RenderOptions:
    """Options every writer understands."""

    review: bool = False


class Visitor:
    """Dispatch ``visit_<NodeClass>`` / ``depart_<NodeClass>``; an unknown node is an error.

    ``depart_`` methods are optional. ``walk_children`` is called between them unless
    the visit method returns ``SKIP``.
    """

    SKIP = object()
    _methods: dict[tuple[type, type], tuple[Any, Any]] = {}  # (writer class, node class) -> visit, depart

    def dispatch(self, node: Node) -> None:
        key = (type(self), type(node))
        methods = Visitor._methods.get(key)
        if methods is None:  # looked up once per writer and node class, not once per node
            name = type(node).__name__
            methods = Visitor._methods[key] = (getattr(type(self), f"visit_{name}", None),
                                               getattr(type(self), f"depart_{name}", None))
        visit, depart = methods
        if visit is None:
            raise NotImplementedError(f"{type(self).__name__} cannot render a {type(node).__name__} node")
        if visit(self, node) is not self.SKIP:
            for child in getattr(node, "children", ()):
                self.dispatch(child)
        if depart is not None:
            depart(self, node)


def bilingual_renderer(fmt: str) -> Callable[[Bilingual, RenderOptions], bytes]:
    """Return the ``render`` function of the side-by-side writer for ``fmt`` (``docx`` or ``md``)."""
    module = {"docx": "oidocs.writers.bilingual_docx", "md": "oidocs.writers.bilingual_md"}[fmt]
    render: Any = importlib.import_module(module).render
    return render


def renderer(fmt: str) -> Callable[[Document, RenderOptions], bytes]:
    """Return the ``render`` function of the writer for ``fmt`` (``docx`` or ``md``)."""
    module = {"docx": "oidocs.writers.docx", "md": "oidocs.writers.markdown"}[fmt]
    render: Any = importlib.import_module(module).render
    return render

