from django.db import models


class Kind(models.TextChoices):
    """Why the person's whereabouts are unknown."""

    MISSING = "missing", "Missing"
    WANTED = "wanted", "Wanted"
    ABSCONDED = "absconded", "Absconded (from approved premises or licence)"


class Ending(models.TextChoices):
    """How a time of whereabouts unknown ended."""

    FOUND = "found", "Found"
    ARRESTED = "arrested", "Arrested"
    RETURNED_TO_CUSTODY = "returned_to_custody", "Returned to custody"
