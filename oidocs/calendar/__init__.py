"""Beside the pipeline, the deadline calendar: every dated obligation of a deal, as iCalendar and CSV.

``deadlines`` lists the obligations the documents create (signing and effective dates, terms,
milestones, reports, payments, notices), each with its document and article, from the deal
and the finished document trees (article numbers are the documents' own), ``events`` the duties
that run from an event the deal cannot date (by rule, only where the article made says them); ``ics`` writes them
as an RFC 5545 calendar and ``table`` as a CSV sheet. Their words live in
``templates/calendar.yaml``.
May import: :mod:`oidocs.deal`, :mod:`oidocs.clauses` (date helpers), :mod:`oidocs.document`,
:mod:`oidocs.review` (term arithmetic shared with the pack checks), :mod:`oidocs.errors`,
:mod:`oidocs.content`, :mod:`oidocs._version`. Never api, run or cli: :mod:`oidocs.api` calls it.
"""
