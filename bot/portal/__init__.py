"""The therapist portal: accounts, sign-in, invites, consent-checked reads, pages.

Mounted by the web process (``bot.web.app``) under ``/portal``; the join link
``/join/CODE`` lives beside the landing page. Every read of a client's data
goes through ``bot.portal.access``.
"""
