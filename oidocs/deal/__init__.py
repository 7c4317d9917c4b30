"""Stage 1, the deal: read a deal file safely, validate it, explain it.

``yamlsource`` reads YAML with a position for every value (no object tags, aliases or
duplicate keys); ``model`` is the deal file as strict pydantic models; ``dealfile`` turns
validation errors into ``FILE:LINE:COLUMN: path: message`` lines; ``schema`` writes the JSON
Schema; ``starter`` writes a first deal file (its words live in ``templates/starter/``).
May import: :mod:`oidocs.errors`, :mod:`oidocs.content`. Nothing downstream.
"""
