"""The area's practice: the guidance figures and local choices each part of the service works to.

Every value is a setting with its source noted, so an area can follow a revision of the
guidance, or its own standard, without a change of code.
"""

from __future__ import annotations

import os
from datetime import time as _time
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from mappa.settings.environment import BASE_DIR, env_int

# Review intervals by level, in weeks: the longest a case may go between reviews. Level 2:
# 16 weeks and level 3: 8 weeks are the widely used MAPPA Guidance figures (shared/reference/
# domain.md §0 and §10.2, marked unverified there); level 1 is the area's choice (default 16).
MAPPA_REVIEW_INTERVAL_WEEKS = {
    1: env_int("MAPPA_REVIEW_WEEKS_LEVEL_1", 16),
    2: env_int("MAPPA_REVIEW_WEEKS_LEVEL_2", 16),
    3: env_int("MAPPA_REVIEW_WEEKS_LEVEL_3", 8),
}
# Warn the co-ordinator this many weeks before a case's eligibility ends.
MAPPA_ELIGIBILITY_WARNING_WEEKS = env_int("MAPPA_ELIGIBILITY_WARNING_WEEKS", 8)
# A referral for someone in custody warns when release is less than this many months away:
# MAPPA Guidance ch.15 expects custody cases referred at least 6 months before release.
MAPPA_REFERRAL_RELEASE_WARNING_MONTHS = env_int("MAPPA_REFERRAL_RELEASE_WARNING_MONTHS", 6)
# The area's own service standard for screening referrals (the guidance sets none): a referral
# waiting this many days shows amber, then red.
MAPPA_SCREENING_AMBER_DAYS = env_int("MAPPA_SCREENING_AMBER_DAYS", 5)
MAPPA_SCREENING_RED_DAYS = env_int("MAPPA_SCREENING_RED_DAYS", 10)
# Meetings. Chairs by level (seed 002, shared/reference/domain.md "Chairs"): level 2 a police
# Detective Inspector with a Senior Probation Officer; level 3 a Detective Chief Inspector with a
# probation Head of Cluster. A new meeting starts with these agencies and ranks; names are added.
MAPPA_MEETING_CHAIRS = {
    2: {
        "chair": ("Police", "Detective Inspector"),
        "co_chair": ("Probation", "Senior Probation Officer"),
    },
    3: {
        "chair": ("Police", "Detective Chief Inspector"),
        "co_chair": ("Probation", "Head of Cluster"),
    },
}
# Minutes per case on an agenda, by kind of item (local practice; the guidance asks only that
# time is allocated by importance, MAPPA L audit form). A first meeting needs the most time.
MAPPA_MEETING_SLOT_MINUTES = {
    "initial": env_int("MAPPA_MEETING_SLOT_MINUTES_INITIAL", 45),
    "review": env_int("MAPPA_MEETING_SLOT_MINUTES_REVIEW", 30),
    "urgent": env_int("MAPPA_MEETING_SLOT_MINUTES_URGENT", 30),
}
# A duty-to-co-operate invitee's access to a case ends this many days after the end of the
# meeting day: long enough to receive and read minutes circulated within the local standard of
# 10 working days (domain.md §2.3, unverified figure). A local choice; set per area.
MAPPA_MEETING_ACCESS_DAYS = env_int("MAPPA_MEETING_ACCESS_DAYS", 14)
# How many meetings of a series "Schedule meetings" adds at a time.
MAPPA_MEETINGS_SCHEDULED_AHEAD = env_int("MAPPA_MEETINGS_SCHEDULED_AHEAD", 8)
# Minutes are circulated within this many working days of the meeting (Monday to Friday, England
# and Wales bank holidays excluded): MAPPA Guidance ch.13b.1 asks for "timely" distribution; 10
# working days is the local standard usually quoted (domain.md §2.3 and §10.2, unverified).
# `mappa remind minutes` e-mails the chair and co-ordinator once it has passed.
MAPPA_MINUTES_CIRCULATION_WORKING_DAYS = env_int("MAPPA_MINUTES_CIRCULATION_WORKING_DAYS", 10)
# An open action due within this many days shows amber on the actions dashboard (local practice).
MAPPA_ACTION_DUE_SOON_DAYS = env_int("MAPPA_ACTION_DUE_SOON_DAYS", 7)
# A duty-to-co-operate owner's access to a case, granted by owning an action, ends when the action
# is completed or cancelled, or this many days after its due date, whichever is first. Need to
# know (MAPPA Guidance ch.9): the agency sees the case for the purpose of the action; an action
# still open past its date is reviewed at the next meeting (ch.13a), and 28 days leaves time for
# that. A local choice (the guidance sets no figure); set per area.
MAPPA_ACTION_ACCESS_DAYS = env_int("MAPPA_ACTION_ACCESS_DAYS", 28)
# MASH link (docs/mash.md). Seed 001: two named persons per area (the MASH manager and the
# advanced practitioner) receive the case list, "to ensure continuity if one person is off".
MAPPA_MASH_NAMED_PERSONS_PER_AREA = env_int("MAPPA_MASH_NAMED_PERSONS_PER_AREA", 2)
# The weekly case list covers the area's meetings from today up to this many days ahead (seed
# 001: the list goes weekly, and meetings are weekly).
MAPPA_MASH_CASE_LIST_DAYS = env_int("MAPPA_MASH_CASE_LIST_DAYS", 7)
# The lowest match probability put to the named person (the MASH check contract's default).
MAPPA_MASH_MATCH_THRESHOLD = float(os.environ.get("MAPPA_MASH_MATCH_THRESHOLD", "0.5"))
# Issue 20: the results page counts the candidates this close to the threshold, either side
# of it, and lists them for review, most likely first (those below it are kept for that
# review only). A practice choice: how wide a margin the named persons want to look at.
MAPPA_MASH_NEAR_THRESHOLD = float(os.environ.get("MAPPA_MASH_NEAR_THRESHOLD", "0.2"))
# Where an uploaded social-care extract waits for the matching task; deleted when it ends.
MAPPA_MASH_UPLOAD_DIR = Path(
    os.environ.get("MAPPA_MASH_UPLOAD_DIR", str(BASE_DIR / "var" / "mash"))
)
# DuckDB's memory limit for a matching run (2 cores and 24 GiB machines: well within).
MAPPA_MASH_MEMORY_LIMIT = os.environ.get("MAPPA_MASH_MEMORY_LIMIT", "3GB")
# `mappa mash-check --engine spark` (issue 19; docs/mash.md, "Running the model on Spark"):
# the Spark master (local mode on this machine by default; spark://…, yarn or k8s://… for a
# cluster), the shuffle partitions (a handful locally; about 2-4 per executor core on a
# cluster) and, on a cluster, a checkpoint directory every executor can see (hdfs://, s3a://)
# where intermediate tables are written as Parquet (unset: cached by the executors).
MAPPA_SPARK_MASTER = os.environ.get("MAPPA_SPARK_MASTER", "local[*]")
MAPPA_SPARK_PARTITIONS = env_int("MAPPA_SPARK_PARTITIONS", 4)
MAPPA_SPARK_CHECKPOINT_DIR = os.environ.get("MAPPA_SPARK_CHECKPOINT_DIR", "")
# The Spark driver's memory when the command starts Spark itself (it holds the prepared tables).
MAPPA_SPARK_DRIVER_MEMORY = os.environ.get("MAPPA_SPARK_DRIVER_MEMORY", "4g")

# MARAC and DASH (shared/reference/domain.md §7.2, §7.3, §10.2). SafeLives' MARAC referral
# criteria: visible high risk is 14 or more "yes" answers of the Dash risk checklist's 24;
# potential escalation is 3 or more police call-outs in 12 months (areas differ, e.g. West
# Midlands counts call-outs, Kingston "5+ incidents or 3+ crimes"); a repeat is a further
# incident within 12 months of the last MARAC referral. Professional judgement has no threshold.
MAPPA_MARAC_VISIBLE_HIGH_RISK_YES = env_int("MAPPA_MARAC_VISIBLE_HIGH_RISK_YES", 14)
MAPPA_MARAC_ESCALATION_CALLOUTS = env_int("MAPPA_MARAC_ESCALATION_CALLOUTS", 3)
MAPPA_MARAC_ESCALATION_MONTHS = env_int("MAPPA_MARAC_ESCALATION_MONTHS", 12)
MAPPA_MARAC_REPEAT_MONTHS = env_int("MAPPA_MARAC_REPEAT_MONTHS", 12)
# Below high risk, the locally used band (Plymouth): 10-13 "yes" answers medium, 1-9 standard.
MAPPA_MARAC_MEDIUM_RISK_YES = env_int("MAPPA_MARAC_MEDIUM_RISK_YES", 10)
# How often MARAC meets is local, commonly fortnightly or monthly (domain.md §7.3; a national
# frequency is unverified): weekly, fortnightly or monthly.
MAPPA_MARAC_MEETING_FREQUENCY = os.environ.get("MAPPA_MARAC_MEETING_FREQUENCY") or "fortnightly"
if MAPPA_MARAC_MEETING_FREQUENCY not in {"weekly", "fortnightly", "monthly"}:
    raise ImproperlyConfigured(
        "MAPPA_MARAC_MEETING_FREQUENCY must be weekly, fortnightly or monthly, "
        f"not {MAPPA_MARAC_MEETING_FREQUENCY!r}"
    )
MAPPA_MARAC_MEETINGS_SCHEDULED_AHEAD = env_int("MAPPA_MARAC_MEETINGS_SCHEDULED_AHEAD", 6)
# Agencies return their research on a case this many days before its meeting (local MARAC
# protocols set it; no national figure is confirmed).
MAPPA_MARAC_RESEARCH_DAYS_BEFORE = env_int("MAPPA_MARAC_RESEARCH_DAYS_BEFORE", 2)

# The dashboards' look-ahead for reviews: a review due within this many weeks is "due soon"
# (amber). Four weeks gives a co-ordinator time to list a level 2 or 3 case for a meeting
# (local practice; MAPPA Guidance sets the intervals, not the notice).
MAPPA_REVIEW_DUE_SOON_WEEKS = env_int("MAPPA_REVIEW_DUE_SOON_WEEKS", 4)
# Dashboard case tables show at most this many rows (soonest review first) with the total beside
# them: an area's register runs to thousands of cases, and the filter narrows the list.
MAPPA_DASHBOARD_ROWS = env_int("MAPPA_DASHBOARD_ROWS", 100)

# Disclosure schemes (docs/disclosures.md). Target days for the whole process, counted in
# calendar days from the day an application is received. Child Sex Offender Disclosure Scheme:
# 45 days unless exceptional (Cleveland Police's scheme page; shared/reference/domain.md §6.3).
# Domestic Violence Disclosure Scheme: 28 days, the figure commonly cited for the April 2023
# statutory guidance (domain.md §6.4 marks it UNVERIFIED; the older guidance said 35 days).
MAPPA_CSODS_TARGET_DAYS = env_int("MAPPA_CSODS_TARGET_DAYS", 45)
MAPPA_DVDS_TARGET_DAYS = env_int("MAPPA_DVDS_TARGET_DAYS", 28)
# An open application this close to its target date shows amber on the disclosure team's
# dashboard (a local choice; the guidance sets the target, not the warning).
MAPPA_DISCLOSURE_AMBER_DAYS = env_int("MAPPA_DISCLOSURE_AMBER_DAYS", 7)

# Strategic oversight (docs/oversight.md). The area's own standards for the board's indicators;
# the guidance sets none. Screening: a referral is screened within this many days of submission
# (by default the amber point of the screening queue above). First meeting: held within this many
# working days of the referral's acceptance (Scottish MAPPA guidance 2022 §5.63 sets 20 working
# days; no England and Wales figure is published, domain.md §2.3).
MAPPA_SCREENING_TARGET_DAYS = env_int("MAPPA_SCREENING_TARGET_DAYS", MAPPA_SCREENING_AMBER_DAYS)
MAPPA_INITIAL_MEETING_TARGET_WORKING_DAYS = env_int("MAPPA_INITIAL_MEETING_TARGET_WORKING_DAYS", 20)
# A serious further offence charge is notified to the SMB chair and co-ordinator within this many
# days (MAPPA Guidance 2012 SCR notification form, domain.md §8.3 and §10.2).
MAPPA_SCR_NOTIFICATION_DAYS = env_int("MAPPA_SCR_NOTIFICATION_DAYS", 5)

# The map of exclusion zones and addresses (docs/risk.md): the tile server, as a Leaflet URL
# template such as https://tile.openstreetmap.org/{z}/{x}/{y}.png. Empty by default: the map
# then draws zones and addresses on a plain background and makes no request off the service
# (an area's choice of tile server, and its terms of use, are local). Its origin is added to the
# Content-Security-Policy's img-src.
MAPPA_MAP_TILES_URL = os.environ.get("MAPPA_MAP_TILES_URL", "").strip()
MAPPA_MAP_TILES_ATTRIBUTION = os.environ.get("MAPPA_MAP_TILES_ATTRIBUTION", "").strip()


def _tile_origins(template: str) -> list[str]:
    from urllib.parse import urlsplit

    if not template:
        return []
    parts = urlsplit(template)
    if parts.scheme not in ("https", "http") or not parts.netloc:
        raise ImproperlyConfigured(
            f"MAPPA_MAP_TILES_URL must be an http(s) URL template, not {template!r}"
        )
    return [f"{parts.scheme}://{parts.netloc.replace('{s}', '*')}"]


MAPPA_MAP_TILE_ORIGINS = _tile_origins(MAPPA_MAP_TILES_URL)

# Custody (docs/custody.md). The releases queue lists people in custody whose release or parole
# hearing is within this many months (a date already passed stays on it, most urgent).
MAPPA_RELEASES_MONTHS = env_int("MAPPA_RELEASES_MONTHS", 6)
# The level is to be set this many months before release or a parole hearing. MAPPA Guidance
# ch.15.1 puts level setting in release planning; the 6 months is UNVERIFIED (domain.md §6).
MAPPA_LEVEL_SET_MONTHS_BEFORE_RELEASE = env_int("MAPPA_LEVEL_SET_MONTHS_BEFORE_RELEASE", 6)
# A level decision not yet made shows amber this many days before its deadline (area's choice).
MAPPA_LEVEL_DUE_SOON_DAYS = env_int("MAPPA_LEVEL_DUE_SOON_DAYS", 28)
# The co-ordinator's dashboard lists releases recorded in the last this many days without a
# level set in custody or a risk management plan (red).
MAPPA_RELEASES_RECENT_DAYS = env_int("MAPPA_RELEASES_RECENT_DAYS", 90)


# Information requests to agencies (docs/information-requests.md; local practice, as the guidance
# sets no response time): a new request is offered a due date this many days ahead; one raised
# before a review is offered the review date less MAPPA_INFORMATION_REQUEST_BEFORE_REVIEW_DAYS;
# an open request due within MAPPA_INFORMATION_REQUEST_AMBER_DAYS shows amber, past it red.
MAPPA_INFORMATION_REQUEST_DUE_DAYS = env_int("MAPPA_INFORMATION_REQUEST_DUE_DAYS", 10)
MAPPA_INFORMATION_REQUEST_BEFORE_REVIEW_DAYS = env_int(
    "MAPPA_INFORMATION_REQUEST_BEFORE_REVIEW_DAYS", 7
)
MAPPA_INFORMATION_REQUEST_AMBER_DAYS = env_int("MAPPA_INFORMATION_REQUEST_AMBER_DAYS", 3)
# Whereabouts unknown (docs/whereabouts.md). Reporting a person missing, wanted or absconded
# offers an urgent meeting: the case joins the soonest planned meeting of the area at this level
# held within this many days, or a meeting is called for the next working day at this time, for
# this many minutes, at this venue (changed on the meeting page like any other). Level 3: MAPPA
# Guidance ch.7, senior representatives able to commit significant resources at short notice.
MAPPA_WHEREABOUTS_URGENT_MEETING_LEVEL = env_int("MAPPA_WHEREABOUTS_URGENT_MEETING_LEVEL", 3)
MAPPA_WHEREABOUTS_URGENT_MEETING_DAYS = env_int("MAPPA_WHEREABOUTS_URGENT_MEETING_DAYS", 2)
MAPPA_WHEREABOUTS_URGENT_MEETING_START = _time.fromisoformat(
    os.environ.get("MAPPA_WHEREABOUTS_URGENT_MEETING_START", "10:00")
)
MAPPA_WHEREABOUTS_URGENT_MEETING_MINUTES = env_int("MAPPA_WHEREABOUTS_URGENT_MEETING_MINUTES", 60)
MAPPA_WHEREABOUTS_URGENT_MEETING_VENUE = os.environ.get(
    "MAPPA_WHEREABOUTS_URGENT_MEETING_VENUE", "To be confirmed by the MAPPA co-ordinator"
).strip()


def _police_ranks() -> tuple[str, ...]:
    from mappa.cases.rules import POLICE_RANKS  # pure rules: no Django

    return POLICE_RANKS


# Potentially dangerous persons (docs/pdp.md). How many weeks after the decision to manage someone
# as a PDP, or a review that continues it, the next review is due: the College of Policing APP
# read gives no interval, so this is the area's choice (default 12, a quarterly review).
MAPPA_PDP_REVIEW_WEEKS = env_int("MAPPA_PDP_REVIEW_WEEKS", 12)
# The lowest police rank that may decide to manage (continue, end) a person as a PDP. The APP text
# read names no rank (UNVERIFIED); forces set their own, some at superintendent level (domain.md
# §1.5). One of cases.rules.POLICE_RANKS.
MAPPA_PDP_DECISION_MINIMUM_RANK = os.environ.get("MAPPA_PDP_DECISION_MINIMUM_RANK", "inspector")
if MAPPA_PDP_DECISION_MINIMUM_RANK not in _police_ranks():
    raise ImproperlyConfigured(
        f"MAPPA_PDP_DECISION_MINIMUM_RANK must be one of {', '.join(_police_ranks())}, "
        f"not {MAPPA_PDP_DECISION_MINIMUM_RANK!r}"
    )

# Transfers between areas (docs/transfers.md). After a transfer is accepted, the sending area
# keeps read-only access to the case for this many days (local practice: the issue asks for a
# configured period). The receiving area answers a request (accepts or queries it) within this
# many days, amber in its last two days and red after: MAPPA Guidance para 17.1 says transfers
# "should be expedited" and names no number of days, so the number is local practice.
MAPPA_TRANSFER_READ_DAYS = env_int("MAPPA_TRANSFER_READ_DAYS", 90)
MAPPA_TRANSFER_RESPONSE_DAYS = env_int("MAPPA_TRANSFER_RESPONSE_DAYS", 10)
# A temporary stay in another area (docs/transfers.md) lasts at most this many days, and starts
# within this many days of when it is notified or changed: a longer stay is a move, for which
# the lead agency requests a transfer (MAPPA Guidance para 17.1). The number is local practice.
MAPPA_STAY_LONGEST_DAYS = env_int("MAPPA_STAY_LONGEST_DAYS", 182)


__all__ = [name for name in list(globals()) if name.startswith("MAPPA_")]
