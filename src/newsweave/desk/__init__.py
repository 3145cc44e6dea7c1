"""The live news desk (`newsweave serve`): articles in over HTTP, from feeds or the shell;
stories grouped as they arrive, summarized and analyzed in the background by a worker
process; a JSON API and server-rendered pages over a durable store (SQLite or PostgreSQL).

Stages, one module each: ``store`` (the Store interface, ``sqlite_store``/``postgres_store``),
``ingest`` (validate, deduplicate, group, store), ``worker`` (recompute changed stories),
``api`` and ``pages`` (the HTTP surface), ``access`` (tokens, size limits, CSP), ``feeds``
and ``fetch`` (the feed poller), ``app`` (wiring), ``cli`` (`serve`, `ingest`, `feeds`).
"""
