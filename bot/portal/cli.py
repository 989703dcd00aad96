"""``python -m bot therapist ...``: the operator manages portal accounts.

There is no sign-up page: an operator creates each account here and hands the
one-time password to the therapist over a channel they trust.
"""

from __future__ import annotations

import argparse
import getpass
import sys

from bot.portal import accounts
from bot.settings import get_settings
from bot.storage import portal_repo as repo
from bot.storage.db import session_scope
from bot.storage.migrate import upgrade


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bot therapist")
    sub = parser.add_subparsers(dest="action", required=True)
    add = sub.add_parser("add", help="create an account and print a one-time password")
    add.add_argument("email")
    add.add_argument("--name", required=True, help="the therapist's name as clients see it")
    add.add_argument(
        "--ask", action="store_true", help="type a password instead of a generated one"
    )
    sub.add_parser("list", help="every account with its state")
    for name, text in (("disable", "stop an account signing in"), ("enable", "allow it again")):
        sub.add_parser(name, help=text).add_argument("email")
    reset = sub.add_parser("reset-password", help="a new one-time password; ends every session")
    reset.add_argument("email")
    reset.add_argument("--clear-2fa", action="store_true", help="also switch two-factor off")
    return parser


def _ask() -> str:
    first = getpass.getpass("Password (at least 12 characters): ")
    if getpass.getpass("Again: ") != first:
        raise accounts.AccountError("the two passwords were not the same")
    return first


def main(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    url = get_settings().database_url
    upgrade(url)
    try:
        with session_scope(url) as session:
            if args.action == "add":
                made = accounts.create(
                    session=session,
                    email=args.email,
                    name=args.name,
                    password=_ask() if args.ask else None,
                )
                print(f"Created {made.therapist.email} ({made.therapist.name}).")
                if not args.ask:
                    print(f"One-time password: {made.password}")
                    print("Give it to the therapist privately; they change it under Account.")
            elif args.action == "list":
                rows = repo.list_therapists(session=session)
                if not rows:
                    print("No therapist accounts yet.")
                for t in rows:
                    state = "disabled" if t.disabled else "active"
                    factor = "2FA on" if t.totp_enabled else "2FA off"
                    print(f"{t.email}\t{t.name}\t{state}\t{factor}\tsince {t.created_at:%Y-%m-%d}")
            elif args.action in ("disable", "enable"):
                t = accounts.set_disabled(
                    session=session, email=args.email, disabled=args.action == "disable"
                )
                print(f"{t.email} is now {'disabled' if t.disabled else 'active'}.")
            else:
                password = accounts.reset_password(
                    session=session, email=args.email, clear_two_factor=args.clear_2fa
                )
                print(f"New one-time password for {args.email.strip().lower()}: {password}")
    except accounts.AccountError as problem:
        print(f"Nothing changed: {problem}.", file=sys.stderr)
        return 1
    return 0
