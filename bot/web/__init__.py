"""The web process: landing page with the chat widget, health check (and later the portal)."""
