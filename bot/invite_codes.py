"""Invite codes: made, read back and found in a message, the same way everywhere.

A code is ``INVITE_CODE_LENGTH`` characters from ``INVITE_CODE_ALPHABET`` (no 0/O
or 1/I/L), shown as two halves, ``K7PX-3M9Q``. People type it in any case, with
or without the dash, with spaces. New codes always hold a digit and a letter so a
code sent on its own cannot be an ordinary word ("STRENGTH" is eight letters of
the alphabet too). Pure functions: no storage, no Rasa, safe to import anywhere.
"""

from __future__ import annotations

import re
import secrets

from bot.ids import INVITE_CODE_ALPHABET, INVITE_CODE_LENGTH

HALF = INVITE_CODE_LENGTH // 2
_CHAR = f"[{INVITE_CODE_ALPHABET}{INVITE_CODE_ALPHABET.lower()}]"
# Two halves, separated by nothing, a dash (any kind) or spaces; not inside a longer word.
_CODE = re.compile(
    rf"(?<![A-Za-z0-9])({_CHAR}{{{HALF}}})\s*[-\u2010-\u2015]?\s*({_CHAR}{{{HALF}}})(?![A-Za-z0-9])"
)
_DASH = re.compile(r"[\-\u2010-\u2015]")
_SEPARATED = re.compile(r"[\s\-\u2010-\u2015]")
_MENTIONS_CODE = re.compile(r"\b(code|invite|invitation)\b", re.IGNORECASE)


def new_code() -> str:
    """A fresh random code (canonical form), with at least one digit and one letter."""
    while True:
        code = "".join(secrets.choice(INVITE_CODE_ALPHABET) for _ in range(INVITE_CODE_LENGTH))
        if any(c.isdigit() for c in code) and any(c.isalpha() for c in code):
            return code


def normalize(text: str) -> str | None:
    """The canonical code (upper case, no separators) if ``text`` is one, else None."""
    compact = _SEPARATED.sub("", text).upper()
    if len(compact) != INVITE_CODE_LENGTH or any(c not in INVITE_CODE_ALPHABET for c in compact):
        return None
    return compact


def display(code: str) -> str:
    """How a code is shown to people: ``K7PX-3M9Q``."""
    return f"{code[:HALF]}-{code[HALF:]}"


def find_in_text(text: str) -> str | None:
    """The invite code in a message, canonical, or None.

    A candidate counts when it holds a digit, or the message talks about a code
    or an invite, or the message is nothing but the code written with a dash; so
    "what were", "tear-jerk" or "everyday" in an ordinary sentence are never
    taken for a code.
    """
    mentions = bool(_MENTIONS_CODE.search(text))
    stripped = text.strip().strip(".!")
    for match in _CODE.finditer(text):
        raw = match.group(0)
        code = (match.group(1) + match.group(2)).upper()
        alone_dashed = raw == stripped and bool(_DASH.search(raw))
        if any(c.isdigit() for c in code) or mentions or alone_dashed:
            return code
    return None
