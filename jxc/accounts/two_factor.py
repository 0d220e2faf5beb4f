"""Two-factor sign-in (TOTP) for a user: pending device, confirm, turn off. All audited."""

from __future__ import annotations

from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from jxc.core.exceptions import ApplicationError

from .audit import audit_record
from .enums import AuditAction
from .models import User


def _wrong_code() -> ApplicationError:
    return ApplicationError(
        _("The verification code is wrong or expired."),
        code="otp_invalid",
        details=[{"field": "token", "message": _("The verification code is wrong or expired.")}],
    )


def two_factor_device(*, user: User) -> tuple[TOTPDevice, bool]:
    """The user's confirmed device (and True), or a pending one to set up (and False)."""
    confirmed = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if confirmed is not None:
        return confirmed, True
    device, _created = TOTPDevice.objects.get_or_create(
        user=user, confirmed=False, defaults={"name": "authenticator"}
    )
    return device, False


@transaction.atomic
def two_factor_set(
    *, user: User, enabled: bool, token: str, request: HttpRequest | None = None
) -> None:
    """Turn two-factor sign-in on (confirming the pending device) or off, proven by a current
    code from the device. Raises ApplicationError for a wrong code and changes nothing then."""
    device, confirmed = two_factor_device(user=user)
    if confirmed == enabled:
        return
    if not device.verify_token(token):
        raise _wrong_code()
    if enabled:
        device.confirmed = True
        device.save(update_fields=["confirmed"])
    else:
        TOTPDevice.objects.filter(user=user).delete()
    audit_record(
        action=AuditAction.UPDATE,
        actor=user,
        instance=user,
        changes={"two_factor": [not enabled, enabled]},
        request=request,
    )
