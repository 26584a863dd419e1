"""Every change to disclosures: `decisions` (disclosure decisions, their agreement and the
disclosure made), `applications` (Child Sex Offender and Domestic Violence Disclosure Scheme
applications worked stage by stage), `steps` (one recorded stage) and `letters` (the letter's
export, recorded)."""
