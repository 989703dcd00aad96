"""Two-factor sign-in with time-based one-time codes (RFC 6238) from an authenticator app.

pyotp does the maths, segno draws the QR code as inline SVG (no request leaves
the page). A code is accepted once: the last used time step per account is kept
in this process, so a code read over someone's shoulder cannot be replayed.
"""

from __future__ import annotations

import hmac
import threading
import time

import pyotp
import segno

ISSUER = "SecureBase"
DIGITS = 6
# One step either side (30 s) forgives a phone clock that is slightly off.
WINDOW = 1

_last_step: dict[int, int] = {}
_lock = threading.Lock()


def new_secret() -> str:
    return pyotp.random_base32()


def provisioning_uri(secret: str, email: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=email, issuer_name=ISSUER)


def qr_svg(uri: str) -> str:
    """The enrolment QR code as an ``<svg>`` element (segno's markup, from our URI only);
    the template marks it safe."""
    # omitsize: a viewBox instead of a fixed size, so the stylesheet scales it without clipping
    qr = segno.make(uri, error="m")
    return str(qr.svg_inline(omitsize=True, dark="#1d2433", light="#ffffff"))


def grouped(secret: str) -> str:
    """The key in groups of four, easier to type into an app by hand."""
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def _matching_step(secret: str, code: str, now: float) -> int | None:
    totp = pyotp.TOTP(secret)
    step = totp.timecode(int(now))
    for offset in range(-WINDOW, WINDOW + 1):
        candidate = totp.generate_otp(step + offset)
        if hmac.compare_digest(candidate, code):
            return step + offset
    return None


def check_code(therapist_id: int, secret: str | None, typed: str, now: float | None = None) -> bool:
    """True once for a current code; the same or an older code is refused afterwards."""
    code = "".join(ch for ch in typed if ch.isdigit())
    if not secret or len(code) != DIGITS:
        return False
    step = _matching_step(secret, code, time.time() if now is None else now)
    if step is None:
        return False
    with _lock:
        if _last_step.get(therapist_id, -1) >= step:
            return False
        _last_step[therapist_id] = step
    return True


def forget(therapist_id: int) -> None:
    """Drop the replay memory (two-factor switched off or enrolled again)."""
    with _lock:
        _last_step.pop(therapist_id, None)
