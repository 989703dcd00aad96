"""Rasa custom actions: thin adapters from the tracker to ``bot.services``.

One module per flow. Each ``run()`` reads slots, calls one service function
and turns the result into events and messages; wording lives in domain.yml
responses or ``bot/content``. Importing the package validates all content,
so `rasa run actions` refuses to start when a content file is broken.
"""

from bot import redaction
from bot.content import refuse_to_start_if_broken

redaction.install()
refuse_to_start_if_broken()
