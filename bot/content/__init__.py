"""Content as data: what the bot says at length, read and validated at start-up.

Every long-form sentence the bot sends lives in a YAML file in this folder so
that writers can change wording without touching code. Each file is read by
:func:`bot.content.loader.read_content` and parsed by exactly one function;
:func:`validate_all` runs every one of them when a process starts, so a broken
file stops start-up with the file and the field named instead of surfacing as
an odd reply in the middle of someone's reflection.
"""

from __future__ import annotations

from pathlib import Path

from bot.content.loader import ContentError, content_dir, read_content, require_text
from bot.content.takeaways import (
    FOLLOWUP_KEYS,
    PROMPTS_PER_MODULE,
    TAKEAWAY_IDS,
    Catalog,
    Prompt,
    Takeaway,
    load_catalog,
    parse_catalog,
)
from bot.settings import CONTENT_DIR

__all__ = [
    "CONTENT_DIR",
    "FOLLOWUP_KEYS",
    "PROMPTS_PER_MODULE",
    "TAKEAWAY_IDS",
    "Catalog",
    "ContentError",
    "Prompt",
    "Takeaway",
    "content_dir",
    "load_catalog",
    "parse_catalog",
    "read_content",
    "refuse_to_start_if_broken",
    "require_text",
    "validate_all",
]


def validate_all(directory: Path | None = None) -> None:
    """Parse every content file now; raises ContentError naming the file and the field.

    Called when the action server and the Rasa launcher start, so that a
    writer's typo refuses start-up rather than breaking a conversation later.
    """
    # The parsers live next to the code that uses each file, and that code
    # imports this package: import them here, when start-up asks for them.
    from bot.content.door_messages import load_door_messages
    from bot.content.knowledge import load_knowledge
    from bot.content.non_answers import load_non_answers
    from bot.safety.messages import load_messages
    from bot.safety.resources import load_resources
    from bot.scoring.emotions import load_lexicon
    from bot.scoring.templates import load_templates
    from bot.services.module_choice import load_choice_data

    for load in (
        load_catalog,
        load_door_messages,
        load_knowledge,
        load_non_answers,
        load_resources,
        load_messages,
        load_lexicon,
        load_templates,
        load_choice_data,
    ):
        load(directory)


def refuse_to_start_if_broken() -> None:
    """Run :func:`validate_all` as a process starts; exit naming the file and field if broken.

    The action server (``actions/__init__.py``), the Rasa process (``bot.channels``)
    and ``make run`` (``bot.launcher``) call this before serving anyone.
    """
    try:
        validate_all()
    except ContentError as error:
        raise SystemExit(
            f"SecureBase content is broken, not starting: {error} (folder {content_dir()})"
        ) from None
