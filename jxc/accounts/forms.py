"""Forms for sign-in, users, scopes and tokens. They parse; services decide."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.password_validation import validate_password
from django.utils.translation import gettext_lazy as _
from django_otp import devices_for_user, match_token

from .enums import AuditAction
from .roles import ROLES


class LoginForm(AuthenticationForm):
    """Username + password, plus the 6-digit code for users who enabled two-factor sign-in."""

    otp_token = forms.CharField(
        label=_("Verification code"),
        required=False,
        max_length=8,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
        help_text=_("Only if you turned on two-factor sign-in."),
    )
    error_messages = {
        "invalid_login": _("Wrong username or password. Note that both fields are case-sensitive."),
        "inactive": _("This account is disabled. Ask an administrator."),
        "otp_required": _("Enter the 6-digit code from your authenticator app."),
        "otp_invalid": _("The verification code is wrong or expired."),
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.otp_device: Any = None
        self.fields["username"].widget.attrs.update({"autocomplete": "username"})

    def confirm_login_allowed(self, user: Any) -> None:
        super().confirm_login_allowed(user)
        devices = list(devices_for_user(user, confirmed=True))
        if not devices:
            return
        token = (self.cleaned_data.get("otp_token") or "").strip()
        if not token:
            raise forms.ValidationError(self.error_messages["otp_required"], code="otp_required")
        device = match_token(user, token)
        if device is None:
            raise forms.ValidationError(self.error_messages["otp_invalid"], code="otp_invalid")
        self.otp_device = device


def role_choices() -> list[tuple[str, str]]:
    return [(role.code, str(role.name)) for role in ROLES]


class UserForm(forms.Form):
    username = forms.RegexField(
        label=_("Username"),
        max_length=150,
        regex=r"^[\w.@+-]+$",
        error_messages={"invalid": _("Use letters, digits and @ . + - _ only.")},
    )
    display_name = forms.CharField(label=_("Display name"), max_length=60, required=False)
    email = forms.EmailField(label=_("Email"), required=False)
    phone = forms.CharField(label=_("Phone"), max_length=32, required=False)
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)
    roles = forms.MultipleChoiceField(
        label=_("Roles"),
        choices=role_choices,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
    )
    is_active = forms.BooleanField(label=_("Active"), required=False, initial=True)


class UserCreateForm(UserForm):
    password = forms.CharField(
        label=_("Initial password"), widget=forms.PasswordInput(attrs={"autocomplete": "off"})
    )

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        validate_password(password)
        return password


class PasswordResetByAdminForm(forms.Form):
    password = forms.CharField(
        label=_("New password"), widget=forms.PasswordInput(attrs={"autocomplete": "off"})
    )

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        validate_password(password)
        return password


class ScopeForm(forms.Form):
    all_warehouses = forms.BooleanField(label=_("All warehouses"), required=False)
    warehouses = forms.TypedMultipleChoiceField(
        label=_("Warehouses"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
    )
    all_shops = forms.BooleanField(label=_("All shops"), required=False)
    shops = forms.TypedMultipleChoiceField(
        label=_("Shops"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
    )

    def set_choices(
        self, *, warehouses: list[tuple[int, str]], shops: list[tuple[int, str]]
    ) -> None:
        for name, choices in (("warehouses", warehouses), ("shops", shops)):
            field = self.fields[name]
            assert isinstance(field, forms.ChoiceField)
            field.choices = choices


class TokenCreateForm(forms.Form):
    name = forms.CharField(
        label=_("Token name"),
        max_length=80,
        help_text=_("What will use it, e.g. 'ERP sync script'."),
    )


class AuditFilterForm(forms.Form):
    actor = forms.CharField(label=_("Who"), required=False)
    action = forms.ChoiceField(
        label=_("Action"), required=False, choices=[("", _("Any"))] + list(AuditAction.choices)
    )
    object_type = forms.ChoiceField(label=_("Object type"), required=False)
    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    search = forms.CharField(label=_("Object contains"), required=False)

    def __init__(self, *args: Any, object_types: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["object_type"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", _("Any"))] + [(t, t) for t in object_types]


class TotpConfirmForm(forms.Form):
    token = forms.RegexField(
        label=_("6-digit code"),
        regex=r"^\d{6}$",
        error_messages={"invalid": _("Enter the 6 digits shown in your authenticator app.")},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )
