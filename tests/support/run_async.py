"""Run a coroutine to completion from a test, whatever loop the test thread has.

Playwright's sync API (the browser tests' session fixture) keeps an event loop
running in the main thread, where ``asyncio.run`` refuses to start; a fresh
thread has no loop, so the coroutine always gets one of its own there.
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")


def run_async(coroutine: Coroutine[Any, Any, T]) -> T:
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="test-async") as pool:
        return pool.submit(asyncio.run, coroutine).result()
