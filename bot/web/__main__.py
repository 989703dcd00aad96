"""``python -m bot.web``: serve the web process with uvicorn."""

from __future__ import annotations

import argparse

import uvicorn

from bot import redaction
from bot.services.startup import refuse_to_start_if_key_is_wrong
from bot.settings import get_settings
from bot.web.app import create_app


def main(argv: list[str] | None = None) -> None:
    redaction.install()
    settings = get_settings()
    refuse_to_start_if_key_is_wrong(["app"])  # the portal reads answers: same key or no start
    parser = argparse.ArgumentParser(prog="python -m bot.web")
    parser.add_argument("--host", default=settings.host)
    parser.add_argument("--port", type=int, default=settings.web_port)
    args = parser.parse_args(argv)
    # ws="none": the web process serves no WebSockets (the widget talks to Rasa), and
    # uvicorn's websockets support does not import with the websockets 10.x Rasa pins.
    uvicorn.run(
        create_app(settings), host=args.host, port=args.port, log_level="warning", ws="none"
    )


if __name__ == "__main__":
    main()
