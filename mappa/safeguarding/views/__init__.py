"""The MASH link's pages: `mash_side` (the named persons' pages) and `mappa_side` (the
co-ordinator's: publishing the list, designating named persons, feedback, referrals)."""
