"""Stage 3, the document: the tree every writer renders, and the transforms that finish it.

``tree`` holds one small class per element (article, paragraph, item, reference, ...);
``transforms`` numbers articles, paragraphs and items, resolves references and checks
defined terms, before any writer runs, so that DOCX and Markdown cannot disagree;
``labels`` holds the fixed words of each language (第N条, Article N, dates, money).
May import: :mod:`oidocs.errors` only. It knows nothing of deals, clauses or formats.
"""
