"""The MARAC app's forms: `dash` (the DASH checklist, section by section) and `cases` (the
co-ordinator's and participants' work on cases and meetings)."""
