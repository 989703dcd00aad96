"""Rasa input channels, extended so nobody is ever met with silence.

Rasa imports this package while it starts; a broken content file stops it there,
with the file and the field named, instead of in a conversation.
"""

from bot import rasa_patches, redaction
from bot.content import refuse_to_start_if_broken

redaction.install()
rasa_patches.install()
refuse_to_start_if_broken()
