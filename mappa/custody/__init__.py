"""Custody: the releases queue, screening before release (MAPPA Guidance chapter 15), release, recall and return to custody."""
