"""Rasa custom actions: thin adapters from the tracker to ``bot.services``.

One module per flow. Each ``run()`` reads slots, calls one service function
and turns the result into events and messages; wording lives in domain.yml
responses or ``bot/content``. Importing the package validates all content and
tries the data key on the app database, so `rasa run actions` refuses to start
when a content file is broken or the stored answers cannot be decrypted.
"""

from bot import redaction
from bot.content import refuse_to_start_if_broken
from bot.services.startup import refuse_to_start_if_key_is_wrong

redaction.install()
refuse_to_start_if_broken()
refuse_to_start_if_key_is_wrong(["app"])
