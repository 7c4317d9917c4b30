"""Stage 2, the clauses: read the clause library and assemble a deal's document tree.

``library`` reads clause files, terms and document definitions (the sandboxed Jinja2
environment lives there); ``context`` is what a clause sees; ``assemble`` renders the clauses
of one document into a :mod:`oidocs.document` tree and runs its transforms; ``lint`` checks a
clause library.
May import: :mod:`oidocs.deal`, :mod:`oidocs.document`, :mod:`oidocs.errors`,
:mod:`oidocs.content`, :mod:`oidocs.cache`. Never writers, review, run or cli.
"""
