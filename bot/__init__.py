"""SecureBase: a reflection companion about the internal working model of attachment.

The package is split so that a change has one obvious home:
``content`` (what the bot says, as data), ``scoring`` and ``safety`` (pure
rules), ``storage`` (database), ``services`` (use cases) and ``web``.
"""
