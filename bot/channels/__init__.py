"""Rasa input channels, extended so nobody is ever met with silence."""
