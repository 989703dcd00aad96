"""Rasa custom actions: thin adapters from the tracker to ``bot.services``.

One module per flow. Each ``run()`` reads slots, calls one service function
and turns the result into events and messages; wording lives in domain.yml
responses or ``bot/content``.
"""
