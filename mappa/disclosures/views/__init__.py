"""The disclosure team's pages: `applications` (scheme applications and their stages) and
`decisions` (disclosure decisions and the disclosure made)."""
