"""Shared test helpers: tracker factory, servers, model training."""
