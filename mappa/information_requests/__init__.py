"""Information requests: what a MAPPA area asks an agency to share about a person, by when, and the answer."""
