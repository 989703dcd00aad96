"""Persistence: engine/session factory, ORM models and repositories.

Nothing here opens a database at import time; callers pass an explicit
``Session`` to every repository function.
"""
