"""Rasa input channels, extended so nobody is ever met with silence.

Rasa imports this package while it starts; a broken content file stops it there,
with the file and the field named, instead of in a conversation. So does a data
key that cannot decrypt the conversations in the tracker store.
"""

from bot import rasa_patches, redaction
from bot.content import refuse_to_start_if_broken
from bot.services.startup import refuse_to_start_if_key_is_wrong

redaction.install()
rasa_patches.install()
refuse_to_start_if_broken()
refuse_to_start_if_key_is_wrong(["tracker"])
