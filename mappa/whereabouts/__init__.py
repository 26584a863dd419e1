"""Whereabouts unknown: a person missing, wanted or absconded, the search for them and its end."""
