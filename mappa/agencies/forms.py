from crispy_forms.helper import FormHelper
from django import forms
from django.contrib.auth.forms import PasswordChangeForm as DjangoPasswordChangeForm
from django.core.exceptions import ValidationError


class GovukFormMixin:
    """Give a form the crispy helper that `{% error_summary form %}` needs.

    Every form rendered in a page uses it, so errors appear in the GOV.UK
    error summary with links to their fields.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False

    def full_clean(self):
        """A hidden field's error (the page's version) has no field to show beside: put it in
        the error summary, above the form, instead."""
        super().full_clean()
        for name, field in self.fields.items():
            if field.widget.is_hidden and name in self._errors:
                for problem in self._errors.pop(name):
                    self.add_error(None, problem)


class GovukForm(GovukFormMixin, forms.Form):
    pass


class PasswordChangeForm(GovukFormMixin, DjangoPasswordChangeForm):
    pass


class SignInForm(GovukForm):
    username = forms.CharField(
        label="Username",
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "username", "spellcheck": "false"}),
    )
    password = forms.CharField(
        label="Password", widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )


class SecondFactorForm(GovukForm):
    code = forms.RegexField(
        label="Code from your authenticator app",
        regex=r"^\s*\d{6}\s*$",
        error_messages={"invalid": "Enter the 6-digit code from your authenticator app"},
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false"}
        ),
    )

    def clean_code(self) -> str:
        return self.cleaned_data["code"].strip()


class ApiTokenForm(GovukForm):
    name = forms.CharField(
        label="Name",
        max_length=100,
        help_text="Say what will use the token, for example 'nDelius nightly sync'",
        error_messages={"required": "Enter a name for the token"},
    )


def add_service_errors(form, error: ValidationError) -> None:
    """Put a service's refusal on the form: on its field when the form has one."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error.messages)
        return
    for field, problems in error.message_dict.items():
        form.add_error(field if field in form.fields else None, problems)
