"""Use cases that combine content, scoring and storage; actions call these."""
