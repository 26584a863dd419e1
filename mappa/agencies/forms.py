from django import forms
from django.contrib.auth.forms import PasswordChangeForm as DjangoPasswordChangeForm

from mappa.kit.forms import GovukForm, GovukFormMixin


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
