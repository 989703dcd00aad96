"""Dialogue policies that keep prediction time flat as a conversation grows."""
