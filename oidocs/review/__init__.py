"""Beside the pipeline, the review: what a reviewer reads next to the drafts.

``sheet`` writes the review sheet (parties, documents, clauses with their articles, options
and whether each is a default, checks run, advice); ``advice`` computes findings from the
deal with wording from ``templates/advice.yaml``.
May import: :mod:`oidocs.deal`, :mod:`oidocs.clauses`, :mod:`oidocs.document`,
:mod:`oidocs.writers` (Markdown escaping), :mod:`oidocs.errors`. Never run or cli.
"""
