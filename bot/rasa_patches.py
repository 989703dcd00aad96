"""The one place where SecureBase changes a Rasa class in place (Rasa 3.6.21).

Rasa builds its ``RemoteAction`` objects itself (for every custom action, form
validation and slot-mapping action), so there is no configuration hook to hand
it a subclass. What is changed here keeps Rasa's behaviour exactly and only
removes repeated work; ``tests/rasa/test_rasa_patches.py`` compares each change
with Rasa's original on the same inputs and fails if they ever differ (for
example after an upgrade of Rasa or jsonschema).

1. ``RemoteAction._validate_action_result`` called ``jsonschema.validate`` for
   every custom-action response. ``validate`` first re-checks the schema
   itself against the JSON-Schema metaschema, which took about 18 of every
   20 ms (``docs/conversation-length.md``) and two or three times per message.
   Here the schema is checked once and the validator is built once; each
   response is then validated exactly as ``validate`` does
   (``best_match(validator.iter_errors(response))``), and a failure raises the
   same ``ValidationError`` with the same message.

:func:`install` is idempotent and runs when Rasa imports the project's code
(``bot.channels``, ``bot.storage.tracker_store``).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from jsonschema import exceptions as jsonschema_exceptions
from jsonschema.protocols import Validator
from jsonschema.validators import validator_for
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL

# Rasa's own implementation, kept for the behaviour test and for anything unexpected.
RASA_VALIDATE_ACTION_RESULT = RemoteAction._validate_action_result
_RASA_SPEC = RemoteAction.action_response_format_spec


@lru_cache(maxsize=1)
def action_result_validator() -> Validator:
    """The validator ``jsonschema.validate`` builds, built once (the schema is a constant)."""
    schema = RemoteAction.action_response_format_spec()
    cls = validator_for(schema)
    cls.check_schema(schema)
    validator: Validator = cls(schema)
    return validator


def _validate_action_result(self: RemoteAction, result: dict[str, Any]) -> bool:
    """Rasa's check of an action server's response, with a validator built once."""
    if type(self).action_response_format_spec is not _RASA_SPEC:
        return bool(RASA_VALIDATE_ACTION_RESULT(self, result))  # a subclass changed the schema
    error = jsonschema_exceptions.best_match(action_result_validator().iter_errors(result))
    if error is not None:
        error.message += (
            f". Failed to validate Action server response from API, "
            f"make sure your response from the Action endpoint is valid. "
            f"For more information about the format visit "
            f"{DOCS_BASE_URL}/custom-actions"
        )
        raise error
    return True


def install() -> None:
    """Put the changes above in place (idempotent)."""
    RemoteAction._validate_action_result = _validate_action_result
