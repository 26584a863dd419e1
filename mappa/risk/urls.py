"""Risk pages, under a case: /cases/<case_id>/risk/..."""

from django.urls import path

from mappa.risk import condition_ending, plan_actions, views

urlpatterns = [
    path("assessments/", views.assessments, name="rosh-assessments"),
    path("assessments/add/", views.add_assessment, name="add-rosh-assessment"),
    path("assessments/<uuid:assessment_id>/", views.assessment, name="rosh-assessment"),
    path("plan/", views.plan, name="risk-plan"),
    path("plan/edit/", views.edit_plan, name="edit-risk-plan"),
    path("plan/versions/<int:version>/", views.plan_version, name="risk-plan-version"),
    path(
        "plan/entries/<int:entry_id>/action/",
        plan_actions.entry_action,
        name="plan-entry-action",
    ),
    path("conditions/", views.conditions, name="licence-conditions"),
    path(
        "conditions/<uuid:condition_id>/end/",
        condition_ending.end_condition,
        name="end-licence-condition",
    ),
    path("conditions/add/", views.choose_condition, name="choose-licence-condition"),
    path("conditions/add/<slug:kind>/", views.add_condition, name="add-licence-condition"),
]
