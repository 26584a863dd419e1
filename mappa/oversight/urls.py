from django.urls import path

from mappa.oversight.views import audits, indicators, reviews, statistics

R = "reviews/<uuid:review_id>/"

urlpatterns = [
    path("", statistics.overview, name="oversight"),
    path("statistics/", statistics.statistics, name="oversight-statistics"),
    path("statistics/annual.csv", statistics.statistics_csv, name="oversight-statistics-csv"),
    path("statistics/annual.pdf", statistics.statistics_pdf, name="oversight-statistics-pdf"),
    path("statistics/annual.json", statistics.statistics_json, name="oversight-statistics-json"),
    path("indicators/", indicators.indicator_list, name="oversight-indicators"),
    path("indicators/<slug:slug>/", indicators.indicator, name="oversight-indicator"),
    path("indicators/<slug:slug>/csv/", indicators.indicator_csv, name="oversight-indicator-csv"),
    path("audits/", audits.audit_list, name="oversight-audits"),
    path("audits/schedule/", audits.schedule, name="oversight-schedule-audit"),
    path("audits/summary/", audits.summary, name="oversight-audit-summary"),
    path("audits/<uuid:audit_id>/", audits.audit, name="oversight-audit"),
    path("reviews/", reviews.review_list, name="serious-case-reviews"),
    path("reviews/notify/", reviews.notify, name="notify-serious-further-offence"),
    path(R, reviews.review, name="serious-case-review"),
    path(R + "decision/", reviews.decision, name="serious-case-review-decision"),
    path(R + "report/", reviews.report, name="serious-case-review-report"),
    path(R + "actions/add/", reviews.action, name="serious-case-review-add-action"),
    path(R + "actions/<uuid:action_id>/", reviews.action, name="serious-case-review-action"),
    path(R + "complete/", reviews.complete, name="complete-serious-case-review"),
    path(R + "approve/", reviews.approve, name="approve-serious-case-review"),
]
