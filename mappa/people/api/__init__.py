"""The register in the API: `lists` (GET and POST /api/v1/nominals/) and `record` (one person's whole record)."""
