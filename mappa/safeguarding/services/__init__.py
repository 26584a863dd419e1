"""Every change the MASH link makes: `case_lists` (named persons, the weekly case list and its
export), `matching` (an uploaded extract, decisions on candidates, social workers invited),
`match_runs` (the background run of a matching) and `exchange` (checks, hazard flags,
summaries, feedback, outcomes and referrals before and after the meeting)."""
