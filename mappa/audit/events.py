"""The catalogue of audit events: each type and the payload keys it requires.

An event written with missing or unexpected keys raises, so this file is the
reviewable list of everything the service records.
"""

from django.db import models


class EventType(models.TextChoices):
    SIGNED_IN = "auth.signed_in", "Signed in"
    SIGN_IN_FAILED = "auth.sign_in_failed", "Sign-in failed"
    LOCKED_OUT = "auth.locked_out", "Account locked out"
    SIGNED_OUT = "auth.signed_out", "Signed out"
    SECOND_FACTOR_ENROLLED = "auth.second_factor_enrolled", "Second factor set up"
    SECOND_FACTOR_FAILED = "auth.second_factor_failed", "Second factor code rejected"
    PASSWORD_CHANGED = "auth.password_changed", "Password changed"
    API_TOKEN_CREATED = "api_token.created", "API token created"
    API_TOKEN_REVOKED = "api_token.revoked", "API token revoked"
    PERMISSION_DENIED = "access.permission_denied", "Permission denied"
    CASE_ACCESS_GRANTED = "access.case_access_granted", "Case access granted"
    CASE_ACCESS_REVOKED = "access.case_access_revoked", "Case access revoked"
    CASE_CONTENT_READ = "access.case_content_read", "Case content read"
    AUDIT_LOG_SEARCHED = "audit.log_searched", "Audit log searched"
    AUDIT_CHAIN_KEYED = "audit.chain_keyed", "Audit log keyed (earlier entries anchored)"
    AUDIT_CHECKPOINT_TAKEN = "audit.checkpoint_taken", "Audit log checkpoint taken"
    DATABASE_BACKED_UP = "database.backed_up", "Database backed up"
    DATABASE_RESTORED = "database.restored", "Database restored from a backup"
    REFERENCE_DATA_CHANGED = "reference_data.changed", "Reference data changed"
    DEMO_DATA_LOADED = "demo.loaded", "Demo data loaded"
    NOMINALS_IMPORTED = "register.nominals_imported", "Nominals imported"
    NOMINALS_EXPORTED = "register.nominals_exported", "Nominals exported"
    NOMINAL_CREATED = "register.nominal_created", "Nominal added"
    NOMINAL_UPDATED = "register.nominal_updated", "Nominal changed"
    REGISTER_SEARCHED = "register.searched", "Register searched"
    CASE_OPENED = "case.opened", "MAPPA case opened"
    CASE_LEVEL_CHANGED = "case.level_changed", "MAPPA level changed"
    CASE_CLOSED = "case.closed", "MAPPA case closed"
    CASE_CATEGORY_CHANGED = "case.category_changed", "MAPPA category changed"
    CASE_OFFICER_NAMED = "case.officer_named", "Responsible officer named"
    CASE_TERRORISM_MANAGEMENT_DECIDED = (
        "case.terrorism_management_decided",
        "Category 4 case's management (CT MAPPA or local MAPPA) decided",
    )
    CASE_REVIEWED = "case.reviewed", "Level 1 review recorded"
    CASE_TRANSFER_REQUESTED = "case.transfer_requested", "Transfer to another area requested"
    CASE_TRANSFER_QUERIED = "case.transfer_queried", "Transfer queried by the receiving area"
    CASE_TRANSFER_ANSWERED = "case.transfer_answered", "Transfer query answered"
    CASE_TRANSFER_WITHDRAWN = "case.transfer_withdrawn", "Transfer withdrawn"
    CASE_TRANSFER_ACCEPTED = "case.transfer_accepted", "Transfer accepted by the receiving area"
    CASE_STAY_NOTIFIED = "case.stay_notified", "Temporary stay in another area notified"
    REGISTRATIONS_IMPORTED = "case.registrations_imported", "MAPPA registrations imported"
    REFERRAL_STARTED = "referral.started", "Referral started"
    REFERRAL_SECTION_SAVED = "referral.section_saved", "Referral section saved"
    REFERRAL_SUBMITTED = "referral.submitted", "Referral submitted"
    REFERRAL_WITHDRAWN = "referral.withdrawn", "Referral withdrawn"
    REFERRAL_SCREENED = "referral.screened", "Referral screening decision"
    OVERDUE_REMINDERS_SENT = "case.overdue_reminders_sent", "Overdue reminders sent"
    ROSH_ASSESSMENT_RECORDED = "risk.rosh_assessment_recorded", "RoSH assessment recorded"
    RISK_PLAN_SAVED = "risk.plan_saved", "Risk management plan version saved"
    LICENCE_CONDITION_ADDED = "risk.licence_condition_added", "Licence condition recorded"
    LICENCE_CONDITION_ENDED = "risk.licence_condition_ended", "Licence condition ended"
    ACTION_CREATED = "action.created", "Action agreed"
    DISCLOSURE_DECIDED = "disclosure.decided", "Disclosure decision recorded"
    DISCLOSURE_AGREED = "disclosure.agreed", "Disclosure decision agreed"
    DISCLOSURE_MADE = "disclosure.made", "Disclosure made"
    APPLICATION_RECEIVED = (
        "disclosure.application_received",
        "Disclosure scheme application received",
    )
    APPLICATION_STAGE_RECORDED = "disclosure.application_stage", "Disclosure scheme stage recorded"
    APPLICATION_LINKED = (
        "disclosure.application_linked",
        "Disclosure application linked to a person",
    )
    APPLICATION_LETTER_EXPORTED = "disclosure.letter_exported", "Non-disclosure letter exported"
    ACTION_UPDATED = "action.updated", "Action updated"
    ACTION_REMINDERS_SENT = "action.reminders_sent", "Overdue action reminders sent"
    REGISTRATIONS_EXPORTED = "case.registrations_exported", "MAPPA registrations exported"
    MEETING_SERIES_CREATED = "meeting.series_created", "Meeting series set up"
    MEETING_SCHEDULED = "meeting.scheduled", "Meeting scheduled"
    MEETING_CHANGED = "meeting.changed", "Meeting details changed"
    MEETING_CANCELLED = "meeting.cancelled", "Meeting cancelled"
    AGENDA_ITEM_ADDED = "meeting.agenda_item_added", "Case added to an agenda"
    AGENDA_ITEM_REMOVED = "meeting.agenda_item_removed", "Case taken off an agenda"
    MEETING_INVITATION_SENT = "meeting.invitation_sent", "Meeting invitation sent"
    MEETING_INVITATION_WITHDRAWN = "meeting.invitation_withdrawn", "Meeting invitation withdrawn"
    MEETING_INVITATION_ANSWERED = "meeting.invitation_answered", "Meeting invitation answered"
    MEETING_ATTENDANCE_RECORDED = "meeting.attendance_recorded", "Meeting attendance recorded"
    MEETING_STATEMENT_RECORDED = "meeting.statement_recorded", "Confidentiality statement recorded"
    MEETING_HELD = "meeting.held", "Meeting recorded as held"
    MINUTES_STARTED = "minutes.started", "Minutes started"
    MINUTES_SAVED = "minutes.saved", "Minutes of a case saved"
    MINUTES_DECISION_RECORDED = "minutes.decision_recorded", "Meeting decision recorded"
    MINUTES_SENT_FOR_APPROVAL = "minutes.sent_for_approval", "Minutes sent to the chair to approve"
    MINUTES_APPROVED = "minutes.approved", "Minutes approved"
    MINUTES_CIRCULATED = "minutes.circulated", "Minutes circulated"
    MINUTES_EXPORTED = "minutes.exported", "Minutes exported as PDF"
    MINUTES_SHARE_REQUESTED = "minutes.share_requested", "Onward sharing of minutes requested"
    MINUTES_SHARE_DECIDED = "minutes.share_decided", "Onward sharing of minutes decided"
    MINUTES_SHARED = "minutes.shared", "Minutes shared onward"
    MINUTES_REMINDERS_SENT = "minutes.reminders_sent", "Minutes circulation reminders sent"
    MASH_NAMED_PERSON_DESIGNATED = "mash.named_person_designated", "MASH named person designated"
    MASH_NAMED_PERSON_ENDED = "mash.named_person_ended", "MASH named person designation ended"
    MASH_CASE_LIST_PUBLISHED = "mash.case_list_published", "MAPPA case list published to the MASH"
    MASH_CASE_LIST_EXPORTED = "mash.case_list_exported", "MAPPA case list exported"
    MASH_RECORD_READ = "mash.record_read", "MASH record read"
    MASH_MATCHING_STARTED = "mash.matching_started", "Social-care extract uploaded for matching"
    MASH_MATCHING_FINISHED = "mash.matching_finished", "Matching against social-care records ended"
    MASH_CANDIDATE_DECIDED = "mash.candidate_decided", "MASH match confirmed or rejected"
    MASH_WORKER_INVITED = "mash.worker_invited", "Allocated social worker invited to MAPPA"
    MASH_CHECK_COMPLETED = "mash.check_completed", "MASH check completed"
    MASH_HAZARD_PRODUCED = "mash.hazard_produced", "Hazard flag produced for social care"
    MASH_HAZARD_UPDATED = "mash.hazard_updated", "Hazard flag entered or confirmed"
    MASH_SUMMARY_RECORDED = "mash.summary_recorded", "MASH pre-meeting summary recorded"
    MASH_SUMMARY_SHARED = "mash.summary_shared", "MASH summary shared into the minutes"
    MASH_FEEDBACK_RECORDED = "mash.feedback_recorded", "Meeting feedback sent to the MASH"
    MASH_ACTION_OUTCOME_RECORDED = "mash.action_outcome_recorded", "Social care action outcome"
    MASH_REFERRAL_RAISED = "mash.referral_raised", "Referral to the MASH raised"
    MASH_REFERRAL_OUTCOME_RECORDED = "mash.referral_outcome_recorded", "MASH referral outcome"
    DASH_STARTED = "marac.dash_started", "DASH risk checklist started"
    DASH_SECTION_SAVED = "marac.dash_section_saved", "DASH section saved"
    DASH_COMPLETED = "marac.dash_completed", "DASH risk checklist completed"
    MARAC_REFERRED = "marac.referred", "Victim referred to MARAC"
    MARAC_PARTICIPANT_ADDED = "marac.participant_added", "Agency added to a MARAC case"
    MARAC_MEETINGS_SCHEDULED = "marac.meetings_scheduled", "MARAC meetings scheduled"
    MARAC_CASE_LISTED = "marac.case_listed", "MARAC case listed on an agenda"
    MARAC_RESEARCH_REQUESTED = "marac.research_requested", "MARAC research requested"
    MARAC_RESEARCH_ANSWERED = "marac.research_answered", "MARAC research request answered"
    MARAC_INFORMATION_RECORDED = "marac.information_recorded", "Information shared at MARAC"
    MARAC_CASE_HEARD = "marac.case_heard", "MARAC case heard"
    MARAC_ACTION_CREATED = "marac.action_created", "MARAC action agreed"
    MARAC_ACTION_UPDATED = "marac.action_updated", "MARAC action updated"
    MARAC_SAFETY_PLAN_SAVED = "marac.safety_plan_saved", "Victim safety plan saved"
    MARAC_IDVA_RECORDED = "marac.idva_recorded", "IDVA recorded for a MARAC case"
    MARAC_MAPPA_LINK_RAISED = "marac.mappa_link_raised", "MARAC case linked to MAPPA"
    MARAC_FACT_SHARED = "marac.fact_shared", "MARAC fact shared with MAPPA"
    MARAC_STATISTICS_EXPORTED = "marac.statistics_exported", "MARAC statistics exported"
    STATISTICS_EXPORTED = "oversight.statistics_exported", "Annual statistics exported"
    INDICATOR_EXPORTED = "oversight.indicator_exported", "Performance indicator exported"
    AUDIT_SCHEDULED = "oversight.audit_scheduled", "Meeting or case audit scheduled"
    AUDIT_COMPLETED = "oversight.audit_completed", "Meeting or case audit completed"
    SCR_NOTIFIED = "oversight.scr_notified", "Serious further offence notified to the board"
    SCR_DECIDED = "oversight.scr_decided", "Board decided whether to hold a serious case review"
    SCR_REPORT_SAVED = "oversight.scr_report_saved", "Serious case review report saved"
    SCR_ACTION_SAVED = "oversight.scr_action_saved", "Serious case review action saved"
    SCR_COMPLETED = "oversight.scr_completed", "Serious case review completed"
    SCR_APPROVED = "oversight.scr_approved", "Serious case review approved for circulation"
    NOMINAL_ADDITION_HELD = (
        "register.addition_held",
        "Addition held: another area holds one of its identifiers",
    )
    HELD_ADDITION_DECIDED = "register.held_addition_decided", "Held addition decided"
    MEETING_SERIES_MEMBERS_CHANGED = (
        "meeting.series_members_changed",
        "Standing members of a meeting series changed",
    )
    INFORMATION_REQUEST_RAISED = "information_request.raised", "Information requested of an agency"
    INFORMATION_REQUEST_ANSWERED = "information_request.answered", "Information request answered"
    INFORMATION_REQUEST_DECLINED = "information_request.declined", "Information request declined"
    INFORMATION_REQUEST_WITHDRAWN = (
        "information_request.withdrawn",
        "Information request withdrawn",
    )
    INFORMATION_REQUEST_MOVED_TO_CASE = (
        "information_request.moved_to_case",
        "Information request raised at screening moved onto the case opened",
    )
    CUSTODY_RECORD_CHANGED = "custody.record_changed", "Custody record changed"
    CUSTODY_SCREENING_RECORDED = "custody.screening_recorded", "Pre-release screening recorded"
    CUSTODY_SCREENING_CHANGED = "custody.screening_changed", "Pre-release screening changed"
    CUSTODY_LEVEL_DECIDED = "custody.level_decided", "Level decided on a pre-release screening"
    CUSTODY_RELEASE_RECORDED = "custody.release_recorded", "Release from custody recorded"
    CUSTODY_RETURN_RECORDED = "custody.return_recorded", "Return to custody recorded"
    WHEREABOUTS_REPORTED = "whereabouts.reported", "Whereabouts unknown reported"
    WHEREABOUTS_SEARCH_ACTION_RECORDED = (
        "whereabouts.search_action_recorded",
        "Search action recorded for a person whose whereabouts are unknown",
    )
    WHEREABOUTS_ENDED = "whereabouts.ended", "Whereabouts unknown ended"
    WHEREABOUTS_URGENT_MEETING_LISTED = (
        "whereabouts.urgent_meeting_listed",
        "Whereabouts unknown: case listed at an urgent meeting",
    )
    PDP_PROPOSED = "case.pdp_proposed", "Potentially dangerous person proposed"
    PDP_DECIDED = "case.pdp_decided", "Decision on managing a potentially dangerous person"
    PDP_REVIEWED = "case.pdp_reviewed", "Potentially dangerous person reviewed"
    PDP_MOVED_TO_MAPPA = "case.pdp_moved_to_mappa", "Potentially dangerous person moved into MAPPA"
    CASE_STAY_CHANGED = "case.stay_changed", "Temporary stay in another area changed"
    CASE_STAY_ENDED = "case.stay_ended", "Temporary stay in another area ended early"
    ACTION_HANDED_OVER = "action.handed_over", "Action handed to the receiving area on a transfer"


REQUIRED_KEYS: dict[str, frozenset[str]] = {
    EventType.SIGNED_IN: frozenset({"method"}),
    EventType.SIGN_IN_FAILED: frozenset({"username", "reason"}),
    EventType.LOCKED_OUT: frozenset({"username"}),
    EventType.SIGNED_OUT: frozenset(),
    EventType.SECOND_FACTOR_ENROLLED: frozenset({"device"}),
    EventType.SECOND_FACTOR_FAILED: frozenset({"stage"}),
    EventType.PASSWORD_CHANGED: frozenset(),
    EventType.API_TOKEN_CREATED: frozenset({"token", "name"}),
    EventType.API_TOKEN_REVOKED: frozenset({"token", "name"}),
    EventType.PERMISSION_DENIED: frozenset({"permission", "path"}),
    EventType.CASE_ACCESS_GRANTED: frozenset({"grant", "grantee", "reason", "expires_at"}),
    EventType.CASE_ACCESS_REVOKED: frozenset({"grant"}),
    EventType.CASE_CONTENT_READ: frozenset({"content"}),
    EventType.AUDIT_LOG_SEARCHED: frozenset({"filters", "results"}),
    EventType.AUDIT_CHAIN_KEYED: frozenset({"legacy_entries"}),
    EventType.AUDIT_CHECKPOINT_TAKEN: frozenset({"destination"}),
    EventType.DATABASE_BACKED_UP: frozenset({"destination", "engine"}),
    EventType.DATABASE_RESTORED: frozenset({"source", "engine", "entries"}),
    EventType.REFERENCE_DATA_CHANGED: frozenset({"model", "object", "action"}),
    EventType.DEMO_DATA_LOADED: frozenset({"areas", "users"}),
    EventType.NOMINALS_IMPORTED: frozenset({"source", "created", "updated", "unchanged"}),
    EventType.NOMINALS_EXPORTED: frozenset({"area", "count"}),
    EventType.NOMINAL_CREATED: frozenset({"via"}),
    EventType.NOMINAL_UPDATED: frozenset({"via", "fields"}),
    EventType.REGISTER_SEARCHED: frozenset({"query", "results"}),
    EventType.CASE_OPENED: frozenset({"category", "level", "source"}),
    EventType.CASE_LEVEL_CHANGED: frozenset({"from_level", "to_level", "source"}),
    EventType.CASE_CLOSED: frozenset({"reason"}),
    EventType.CASE_CATEGORY_CHANGED: frozenset({"from_category", "to_category"}),
    EventType.CASE_OFFICER_NAMED: frozenset({"from_officer", "to_officer"}),
    EventType.CASE_TERRORISM_MANAGEMENT_DECIDED: frozenset({"management", "agency"}),
    EventType.CASE_REVIEWED: frozenset({"review", "decision"}),
    # Transfers name both areas, so the audit trail of a case spans them (docs/transfers.md).
    EventType.CASE_TRANSFER_REQUESTED: frozenset({"transfer", "from_area", "to_area"}),
    EventType.CASE_TRANSFER_QUERIED: frozenset({"transfer", "from_area", "to_area"}),
    EventType.CASE_TRANSFER_ANSWERED: frozenset({"transfer", "from_area", "to_area"}),
    EventType.CASE_TRANSFER_WITHDRAWN: frozenset({"transfer", "from_area", "to_area"}),
    EventType.CASE_TRANSFER_ACCEPTED: frozenset({"transfer", "from_area", "to_area", "level"}),
    EventType.CASE_STAY_NOTIFIED: frozenset({"stay", "home_area", "host_area", "ends_on"}),
    EventType.REGISTRATIONS_IMPORTED: frozenset({"source", "created", "updated", "unchanged"}),
    EventType.REGISTRATIONS_EXPORTED: frozenset({"area", "count"}),
    EventType.REFERRAL_STARTED: frozenset({"referral"}),
    EventType.REFERRAL_SECTION_SAVED: frozenset({"referral", "section"}),
    EventType.REFERRAL_SUBMITTED: frozenset({"referral", "level"}),
    EventType.REFERRAL_WITHDRAWN: frozenset({"referral"}),
    EventType.REFERRAL_SCREENED: frozenset({"referral", "outcome"}),
    EventType.OVERDUE_REMINDERS_SENT: frozenset({"recipients", "items"}),
    EventType.ROSH_ASSESSMENT_RECORDED: frozenset({"case", "assessment", "overall_level"}),
    EventType.RISK_PLAN_SAVED: frozenset({"case", "plan", "version"}),
    EventType.LICENCE_CONDITION_ADDED: frozenset({"case", "condition", "kind"}),
    EventType.LICENCE_CONDITION_ENDED: frozenset({"case", "condition", "ends_on"}),
    EventType.DISCLOSURE_DECIDED: frozenset({"decision", "outcome"}),
    EventType.DISCLOSURE_AGREED: frozenset({"decision", "as"}),
    EventType.DISCLOSURE_MADE: frozenset(
        {"decision", "method", "undertaking_signed", "offender_told"}
    ),
    EventType.APPLICATION_RECEIVED: frozenset({"application", "scheme", "route", "via"}),
    EventType.APPLICATION_STAGE_RECORDED: frozenset({"application", "stage", "outcome"}),
    EventType.APPLICATION_LINKED: frozenset({"application", "nominal"}),
    EventType.APPLICATION_LETTER_EXPORTED: frozenset({"application", "format"}),
    EventType.ACTION_CREATED: frozenset({"action", "owner_agency", "due_on"}),
    EventType.ACTION_UPDATED: frozenset({"action", "status"}),
    EventType.ACTION_REMINDERS_SENT: frozenset({"recipients", "items"}),
    EventType.MEETING_SERIES_CREATED: frozenset({"series", "level"}),
    EventType.MEETING_SCHEDULED: frozenset({"meeting", "date", "level"}),
    EventType.MEETING_CHANGED: frozenset({"meeting", "fields"}),
    EventType.MEETING_CANCELLED: frozenset({"meeting", "grants_revoked"}),
    EventType.AGENDA_ITEM_ADDED: frozenset({"meeting", "item", "kind"}),
    EventType.AGENDA_ITEM_REMOVED: frozenset({"meeting", "item"}),
    EventType.MEETING_INVITATION_SENT: frozenset({"meeting", "invitation", "invitee", "grant"}),
    EventType.MEETING_INVITATION_WITHDRAWN: frozenset({"meeting", "invitation"}),
    EventType.MEETING_INVITATION_ANSWERED: frozenset({"invitation", "response"}),
    EventType.MEETING_ATTENDANCE_RECORDED: frozenset({"meeting", "attendance", "status"}),
    EventType.MEETING_STATEMENT_RECORDED: frozenset({"meeting", "read"}),
    EventType.MEETING_HELD: frozenset({"meeting", "attendees"}),
    EventType.MINUTES_STARTED: frozenset({"meeting", "items"}),
    EventType.MINUTES_SAVED: frozenset({"meeting", "item", "fields"}),
    EventType.MINUTES_DECISION_RECORDED: frozenset({"meeting", "item", "decision"}),
    EventType.MINUTES_SENT_FOR_APPROVAL: frozenset({"meeting", "chairs"}),
    EventType.MINUTES_APPROVED: frozenset({"meeting", "items", "decisions_applied"}),
    EventType.MINUTES_CIRCULATED: frozenset({"meeting", "recipients"}),
    EventType.MINUTES_EXPORTED: frozenset({"meeting", "items", "format"}),
    EventType.MINUTES_SHARE_REQUESTED: frozenset({"meeting", "share"}),
    EventType.MINUTES_SHARE_DECIDED: frozenset({"meeting", "share", "approved"}),
    EventType.MINUTES_SHARED: frozenset({"meeting", "share"}),
    EventType.MINUTES_REMINDERS_SENT: frozenset({"recipients", "items"}),
    EventType.MASH_NAMED_PERSON_DESIGNATED: frozenset({"designation", "user", "position"}),
    EventType.MASH_NAMED_PERSON_ENDED: frozenset({"designation", "user"}),
    EventType.MASH_CASE_LIST_PUBLISHED: frozenset({"case_list", "entries", "recipients"}),
    EventType.MASH_CASE_LIST_EXPORTED: frozenset({"case_list", "rows", "via"}),
    EventType.MASH_RECORD_READ: frozenset({"record", "view"}),
    EventType.MASH_MATCHING_STARTED: frozenset({"run", "case_list", "records"}),
    EventType.MASH_MATCHING_FINISHED: frozenset({"run", "status", "candidates", "model"}),
    EventType.MASH_CANDIDATE_DECIDED: frozenset({"candidate", "decision", "involvement"}),
    EventType.MASH_WORKER_INVITED: frozenset({"candidate", "route", "invitation"}),
    EventType.MASH_CHECK_COMPLETED: frozenset({"entry", "known"}),
    EventType.MASH_HAZARD_PRODUCED: frozenset({"entry", "flag", "kind"}),
    EventType.MASH_HAZARD_UPDATED: frozenset({"flag", "status"}),
    EventType.MASH_SUMMARY_RECORDED: frozenset({"entry", "summary"}),
    EventType.MASH_SUMMARY_SHARED: frozenset({"entry", "summary", "meeting"}),
    EventType.MASH_FEEDBACK_RECORDED: frozenset({"entry", "feedback", "subject_to_mappa", "level"}),
    EventType.MASH_ACTION_OUTCOME_RECORDED: frozenset({"feedback", "outcome"}),
    EventType.MASH_REFERRAL_RAISED: frozenset({"referral"}),
    EventType.MASH_REFERRAL_OUTCOME_RECORDED: frozenset({"referral"}),
    EventType.DASH_STARTED: frozenset({"dash"}),
    EventType.DASH_SECTION_SAVED: frozenset({"dash", "section"}),
    EventType.DASH_COMPLETED: frozenset({"dash", "yes_count", "criteria"}),
    EventType.MARAC_REFERRED: frozenset({"case", "dash", "criteria"}),
    EventType.MARAC_PARTICIPANT_ADDED: frozenset({"case", "agency", "reason"}),
    EventType.MARAC_MEETINGS_SCHEDULED: frozenset({"meetings", "frequency"}),
    EventType.MARAC_CASE_LISTED: frozenset({"meeting", "case"}),
    EventType.MARAC_RESEARCH_REQUESTED: frozenset({"case", "request", "agency", "deadline"}),
    EventType.MARAC_RESEARCH_ANSWERED: frozenset({"case", "request", "late"}),
    EventType.MARAC_INFORMATION_RECORDED: frozenset({"case", "item", "agency"}),
    EventType.MARAC_CASE_HEARD: frozenset({"meeting", "case"}),
    EventType.MARAC_ACTION_CREATED: frozenset({"case", "action", "owner_agency", "due_on"}),
    EventType.MARAC_ACTION_UPDATED: frozenset({"case", "action", "status"}),
    EventType.MARAC_SAFETY_PLAN_SAVED: frozenset({"case", "plan", "version"}),
    EventType.MARAC_IDVA_RECORDED: frozenset({"case"}),
    EventType.MARAC_MAPPA_LINK_RAISED: frozenset({"case", "nominal", "mappa_case", "found_by"}),
    EventType.MARAC_FACT_SHARED: frozenset({"case", "fact", "mappa_case"}),
    EventType.MARAC_STATISTICS_EXPORTED: frozenset({"area", "quarter", "format"}),
    EventType.STATISTICS_EXPORTED: frozenset({"area", "year_ending", "format"}),
    EventType.INDICATOR_EXPORTED: frozenset({"area", "indicator", "from", "to"}),
    EventType.AUDIT_SCHEDULED: frozenset({"audit", "kind", "auditor", "due_on"}),
    EventType.AUDIT_COMPLETED: frozenset({"audit", "kind", "items"}),
    EventType.SCR_NOTIFIED: frozenset({"review", "charged_on", "recipients"}),
    EventType.SCR_DECIDED: frozenset({"review", "hold_review"}),
    EventType.SCR_REPORT_SAVED: frozenset({"review", "fields"}),
    EventType.SCR_ACTION_SAVED: frozenset({"review", "action", "status"}),
    EventType.SCR_COMPLETED: frozenset({"review"}),
    EventType.SCR_APPROVED: frozenset({"review"}),
    EventType.NOMINAL_ADDITION_HELD: frozenset(
        {"held", "submission", "owning_area", "identifiers", "via"}
    ),
    EventType.HELD_ADDITION_DECIDED: frozenset({"held", "decision", "added"}),
    EventType.MEETING_SERIES_MEMBERS_CHANGED: frozenset({"series", "added", "removed"}),
    EventType.INFORMATION_REQUEST_RAISED: frozenset(
        {"request", "agency", "addressed_to", "occasion", "basis", "due_on"}
    ),
    EventType.INFORMATION_REQUEST_ANSWERED: frozenset({"request", "agency"}),
    EventType.INFORMATION_REQUEST_DECLINED: frozenset({"request", "agency"}),
    EventType.INFORMATION_REQUEST_WITHDRAWN: frozenset({"request", "agency"}),
    EventType.INFORMATION_REQUEST_MOVED_TO_CASE: frozenset({"request", "referral"}),
    EventType.CUSTODY_RECORD_CHANGED: frozenset({"fields"}),
    EventType.CUSTODY_SCREENING_RECORDED: frozenset({"screening", "proposed_level"}),
    EventType.CUSTODY_SCREENING_CHANGED: frozenset({"screening", "fields"}),
    EventType.CUSTODY_LEVEL_DECIDED: frozenset({"screening", "decision", "level"}),
    EventType.CUSTODY_RELEASE_RECORDED: frozenset({"released_on", "level", "prepared"}),
    EventType.CUSTODY_RETURN_RECORDED: frozenset({"returned_on", "reason"}),
    EventType.WHEREABOUTS_REPORTED: frozenset({"report", "kind", "started_at", "notified"}),
    EventType.WHEREABOUTS_SEARCH_ACTION_RECORDED: frozenset({"report", "search_action"}),
    EventType.WHEREABOUTS_ENDED: frozenset({"report", "ending", "ended_at"}),
    EventType.WHEREABOUTS_URGENT_MEETING_LISTED: frozenset(
        {"report", "meeting", "item", "scheduled"}
    ),
    EventType.PDP_PROPOSED: frozenset({"nominal"}),
    EventType.PDP_DECIDED: frozenset({"step", "rank", "review_due"}),
    EventType.PDP_REVIEWED: frozenset({"step", "rank", "review_due"}),
    EventType.PDP_MOVED_TO_MAPPA: frozenset({"category", "level"}),
    EventType.CASE_STAY_CHANGED: frozenset(
        {"stay", "home_area", "host_area", "starts_on", "ends_on"}
    ),
    EventType.CASE_STAY_ENDED: frozenset({"stay", "home_area", "host_area", "ended_on"}),
    EventType.ACTION_HANDED_OVER: frozenset(
        {"action", "transfer", "from_area", "to_area", "from_owner", "to_owner"}
    ),
}


class PayloadError(ValueError):
    pass


def validate_payload(event_type: str, payload: dict) -> None:
    """Raise PayloadError unless payload has exactly the keys the event requires."""
    if event_type not in REQUIRED_KEYS:
        raise PayloadError(f"unknown audit event type {event_type!r}")
    required = REQUIRED_KEYS[event_type]
    missing = required - payload.keys()
    extra = payload.keys() - required
    if missing or extra:
        raise PayloadError(
            f"audit event {event_type} needs keys {sorted(required)}; "
            f"missing {sorted(missing)}, unexpected {sorted(extra)}"
        )
