"""Writes for users, roles, scopes, languages and API tokens. Every change is audited."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable
from datetime import timedelta

from django.contrib.auth.models import Group, Permission
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from jxc.core.exceptions import ApplicationError

from .audit import audit_record, changes_between, model_snapshot
from .enums import AuditAction, ScopeKind
from .models import ApiToken, DataScope, User
from .roles import ALL, ROLE_BY_CODE, ROLES

TOKEN_PREFIX = "jxc_"
LAST_USED_PRECISION = timedelta(minutes=1)
USER_FIELDS = [
    "username",
    "display_name",
    "email",
    "phone",
    "language",
    "is_active",
    "is_staff",
    "all_warehouses",
    "all_shops",
]


@transaction.atomic
def roles_sync() -> dict[str, int]:
    """Make each role's group hold exactly the permissions defined in `roles.py`.

    Locks nothing beyond the rows it writes. Idempotent: a second run changes nothing.
    Returns {role code: number of permissions}.
    """
    every = list(Permission.objects.all())
    by_name = {f"{p.content_type.app_label}.{p.codename}": p for p in every}
    result: dict[str, int] = {}
    for role in ROLES:
        group, _created = Group.objects.get_or_create(name=role.code)
        if ALL in role.permissions:
            wanted = every
        else:
            missing = [name for name in role.permissions if name not in by_name]
            if missing:
                raise ApplicationError(f"Unknown permissions for role {role.code}: {missing}")
            wanted = [by_name[name] for name in role.permissions]
        group.permissions.set(wanted)
        result[role.code] = len(wanted)
    return result


def _validate_roles(roles: Iterable[str]) -> list[str]:
    codes = sorted(set(roles))
    unknown = [code for code in codes if code not in ROLE_BY_CODE]
    if unknown:
        raise ApplicationError(
            _("Unknown role: %(roles)s") % {"roles": ", ".join(unknown)},
            code="unknown_role",
            details=[{"field": "roles", "message": code} for code in unknown],
        )
    return codes


def _apply_roles(user: User, codes: list[str]) -> None:
    groups = list(Group.objects.filter(name__in=codes))
    if len(groups) != len(codes):
        roles_sync()
        groups = list(Group.objects.filter(name__in=codes))
    user.groups.set(groups)
    user.is_staff = any(ROLE_BY_CODE[code].is_staff for code in codes)


def user_roles(user: User) -> list[str]:
    return sorted(user.groups.filter(name__in=ROLE_BY_CODE).values_list("name", flat=True))


def _user_snapshot(user: User) -> dict:
    snapshot = model_snapshot(user, USER_FIELDS)
    snapshot["roles"] = user_roles(user) if user.pk else []
    return snapshot


def _duplicate_username(username: str) -> ApplicationError:
    return ApplicationError(
        _("The username %(name)s is already taken.") % {"name": username},
        code="duplicate",
        details=[{"field": "username", "message": _("already taken")}],
    )


@transaction.atomic
def user_create(
    *,
    actor: User | None,
    username: str,
    password: str,
    roles: Iterable[str],
    display_name: str = "",
    email: str = "",
    phone: str = "",
    language: str = "zh-hans",
    request: HttpRequest | None = None,
) -> User:
    """Create a user with the given roles; audited as CREATE.

    Usernames are unique ignoring case; the database enforces it, so two concurrent requests
    for the same name give one user and one clear "already taken" error. Locks nothing.
    """
    codes = _validate_roles(roles)
    if User.objects.filter(username__iexact=username).exists():
        raise _duplicate_username(username)
    user = User(
        username=username,
        display_name=display_name,
        email=email,
        phone=phone,
        language=language,
    )
    user.set_password(password)
    user.full_clean(exclude=["password"], validate_constraints=False)
    try:
        with transaction.atomic():
            user.save()
    except IntegrityError as exc:  # a concurrent request took the name first
        raise _duplicate_username(username) from exc
    _apply_roles(user, codes)
    user.save(update_fields=["is_staff"])
    changes = changes_between({}, _user_snapshot(user))
    audit_record(
        action=AuditAction.CREATE, actor=actor, instance=user, changes=changes, request=request
    )
    return user


@transaction.atomic
def user_update(
    *,
    actor: User | None,
    user: User,
    roles: Iterable[str] | None = None,
    request: HttpRequest | None = None,
    **fields: object,
) -> User:
    """Change a user's profile fields and/or roles; audited with the fields from → to."""
    allowed = set(USER_FIELDS) - {"is_staff"}
    unknown = set(fields) - allowed
    if unknown:
        raise ApplicationError(f"Unknown user fields: {sorted(unknown)}")
    if actor is not None and actor.pk == user.pk and fields.get("is_active") is False:
        raise ApplicationError(_("You cannot deactivate your own account."), code="self_lockout")
    before = _user_snapshot(user)
    for name, value in fields.items():
        setattr(user, name, value)
    if roles is not None:
        codes = _validate_roles(roles)
        removing_own_admin = "admin" in before["roles"] and "admin" not in codes
        if actor is not None and actor.pk == user.pk and removing_own_admin:
            raise ApplicationError(
                _("You cannot remove the administrator role from yourself."),
                code="self_lockout",
            )
        _apply_roles(user, codes)
    user.full_clean(exclude=["password"], validate_constraints=False)
    if User.objects.filter(username__iexact=user.username).exclude(pk=user.pk).exists():
        raise _duplicate_username(user.username)
    user.save()
    changes = changes_between(before, _user_snapshot(user))
    if changes:
        audit_record(
            action=AuditAction.UPDATE, actor=actor, instance=user, changes=changes, request=request
        )
    return user


@transaction.atomic
def user_scopes_set(
    *,
    actor: User | None,
    user: User,
    kind: ScopeKind,
    unrestricted: bool,
    ref_ids: Iterable[int] = (),
    request: HttpRequest | None = None,
) -> User:
    """Limit `user` to some warehouses or shops (or lift the limit); audited."""
    flag = "all_warehouses" if kind == ScopeKind.WAREHOUSE else "all_shops"
    before_ids = sorted(
        DataScope.objects.filter(user=user, kind=kind).values_list("ref_id", flat=True)
    )
    before = {flag: getattr(user, flag), f"{kind}_ids": before_ids}
    wanted = sorted({int(ref_id) for ref_id in ref_ids})
    setattr(user, flag, unrestricted)
    user.save(update_fields=[flag])
    DataScope.objects.filter(user=user, kind=kind).exclude(ref_id__in=wanted).delete()
    DataScope.objects.bulk_create(
        [DataScope(user=user, kind=kind, ref_id=ref_id) for ref_id in wanted],
        ignore_conflicts=True,
    )
    after = {flag: unrestricted, f"{kind}_ids": wanted}
    changes = changes_between(before, after)
    if changes:
        audit_record(
            action=AuditAction.UPDATE, actor=actor, instance=user, changes=changes, request=request
        )
    return user


def user_language_set(*, user: User, language: str) -> User:
    """Remember the user's interface language (zh-hans or en)."""
    from django.conf import settings

    if language not in dict(settings.LANGUAGES):
        raise ApplicationError(_("Unsupported language."), code="invalid_language")
    if user.language != language:
        user.language = language
        user.save(update_fields=["language"])
    return user


@transaction.atomic
def user_password_set(
    *, actor: User | None, user: User, password: str, request: HttpRequest | None = None
) -> User:
    """Set a new password (already validated by the form); audited without the secret."""
    user.set_password(password)
    user.save(update_fields=["password"])
    audit_record(
        action=AuditAction.PASSWORD_CHANGE,
        actor=actor or user,
        instance=user,
        request=request,
    )
    return user


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


@transaction.atomic
def api_token_create(
    *, actor: User | None, user: User, name: str, request: HttpRequest | None = None
) -> tuple[ApiToken, str]:
    """Create a personal API token; returns it and the secret, which is never shown again."""
    name = name.strip()
    if not name:
        raise ApplicationError(
            _("Give the token a name."),
            code="validation_error",
            details=[{"field": "name", "message": _("This field is required.")}],
        )
    prefix = secrets.token_hex(4)
    secret = f"{TOKEN_PREFIX}{prefix}_{secrets.token_urlsafe(32)}"
    token = ApiToken.objects.create(
        user=user, name=name[:80], prefix=prefix, digest=_digest(secret)
    )
    audit_record(
        action=AuditAction.CREATE,
        actor=actor,
        instance=token,
        changes={"name": [None, token.name], "user": [None, user.username]},
        request=request,
    )
    return token, secret


@transaction.atomic
def api_token_revoke(
    *, actor: User | None, token: ApiToken, request: HttpRequest | None = None
) -> ApiToken:
    """Revoke a token at once; later requests with it get 401. Revoking twice is harmless."""
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at", "updated_at"])
        audit_record(
            action=AuditAction.DELETE,
            actor=actor,
            instance=token,
            changes={"revoked_at": [None, token.revoked_at.isoformat()]},
            request=request,
        )
    return token


def api_token_authenticate(*, secret: str) -> User | None:
    """The active user owning `secret`, or None. Records the last-used time (per minute)."""
    if not secret.startswith(TOKEN_PREFIX):
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(digest=_digest(secret), revoked_at__isnull=True)
        .first()
    )
    if token is None or not token.user.is_active or not token.user.has_perm("accounts.use_api"):
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > LAST_USED_PRECISION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user
