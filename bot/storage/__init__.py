"""Persistence: engine/session factory, ORM models and repositories, and the data at rest.

Nothing here opens a database at import time; callers pass an explicit
``Session`` to every repository function. What a person wrote is encrypted by
the column types in :mod:`bot.storage.encrypted`; keys (:mod:`.crypto`), the
start-up check (:mod:`.keycheck`), rotation (:mod:`.rotation`, :mod:`.keys_admin`)
and backups (:mod:`.backup`) live beside them; ``python -m bot keys|purge|backup|restore``
is :mod:`.cli`.
"""
