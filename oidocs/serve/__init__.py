"""``oidocs serve``: the deal file as a web form with a live preview, on the user's own machine.

``service`` holds what the API does as plain functions (YAML text in; problems, HTML, file bytes
out); ``html`` renders the document tree (and the review sheet) as escaped HTML for the preview;
``app`` is the Starlette app (routes, body limit, headers) that uvicorn serves; ``static/`` holds
the page, its script and its style, shipped in the package (no CDN, no build step).
Starlette and uvicorn come with the ``serve`` extra (``pip install 'oidocs[serve]'``) and are
imported only by ``app`` and by the ``serve`` command, so the CLI starts fast without them.
May import: :mod:`oidocs.api`, :mod:`oidocs.deal`, :mod:`oidocs.clauses`, :mod:`oidocs.document`,
:mod:`oidocs.writers`, :mod:`oidocs.review`, :mod:`oidocs.errors`. Never :mod:`oidocs.cli` or
:mod:`oidocs.run`: a web request writes no file.
"""
