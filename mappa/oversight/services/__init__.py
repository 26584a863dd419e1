"""Every change the board makes: `audits` (audits of meetings and cases), `reviews` (serious
case reviews) and `exports` (the record of each export of its figures)."""
