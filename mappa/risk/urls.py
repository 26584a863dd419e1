"""Risk pages, under a case: /cases/<case_id>/risk/..."""

from django.urls import path

from mappa.risk.views import assessments, conditions, plans

urlpatterns = [
    path("assessments/", assessments.assessments, name="rosh-assessments"),
    path("assessments/add/", assessments.add_assessment, name="add-rosh-assessment"),
    path("assessments/<uuid:assessment_id>/", assessments.assessment, name="rosh-assessment"),
    path("plan/", plans.plan, name="risk-plan"),
    path("plan/edit/", plans.edit_plan, name="edit-risk-plan"),
    path("plan/versions/<int:version>/", plans.plan_version, name="risk-plan-version"),
    path(
        "plan/entries/<int:entry_id>/action/",
        plans.entry_action,
        name="plan-entry-action",
    ),
    path("conditions/", conditions.conditions, name="licence-conditions"),
    path(
        "conditions/<uuid:condition_id>/end/",
        conditions.end_condition,
        name="end-licence-condition",
    ),
    path("conditions/add/", conditions.choose_condition, name="choose-licence-condition"),
    path("conditions/add/<slug:kind>/", conditions.add_condition, name="add-licence-condition"),
]
