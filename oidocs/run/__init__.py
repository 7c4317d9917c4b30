"""Running the library against the disk: atomic, all-or-nothing writes, and batches.

``output`` writes a set of files atomically and never overwrites without ``force``;
``batch`` makes a pack per deal file or per sheet row in worker processes, one bad deal
never stopping the others.
May import: :mod:`oidocs.api` and every stage below it. Never cli.
"""
