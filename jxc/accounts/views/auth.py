"""Sign-in, sign-out, lockout, password change and the language switch."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout, update_session_auth_hash
from django.contrib.auth.forms import PasswordChangeForm
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST
from django_otp import login as otp_login

from jxc.core.access import LOGIN, PUBLIC, requires

from ..audit import audit_record
from ..enums import AuditAction
from ..forms import LoginForm
from ..models import User
from ..services import user_language_set, user_password_set


def _safe_next(request: HttpRequest, default: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


def _with_language(response: HttpResponse, language: str) -> HttpResponse:
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=365 * 24 * 3600,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )
    return response


@requires(PUBLIC)
@sensitive_post_parameters("password", "otp_token")
@csrf_protect
@never_cache
def login_view(request: HttpRequest) -> HttpResponse:
    next_url = _safe_next(request, "/")
    form = LoginForm(request, data=request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            user = form.get_user()
            login(request, user)
            if form.otp_device is not None:
                otp_login(request, form.otp_device)
            audit_record(action=AuditAction.LOGIN, actor=user, instance=user, request=request)
            translation.activate(user.language)
            return _with_language(HttpResponseRedirect(next_url), user.language)
        username = (request.POST.get("username") or "").strip()[:150]
        audit_record(
            action=AuditAction.LOGIN_FAILED,
            actor=User.objects.filter(username=username).first(),
            actor_name=username,
            request=request,
            note=";".join(error.code or "" for error in form.non_field_errors().as_data()),
        )
    status = 401 if request.method == "POST" else 200
    context = {"form": form, "next": next_url}
    return render(request, "accounts/login.html", context, status=status)


def lockout_response(
    request: HttpRequest, original_response: Any = None, credentials: dict | None = None
) -> HttpResponse:
    """Shown instead of the sign-in page while a username + IP pair is locked (django-axes)."""
    username = str((credentials or {}).get("username") or request.POST.get("username") or "")
    audit_record(action=AuditAction.LOCKED_OUT, actor_name=username[:150], request=request)
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    context = {"minutes": minutes, "limit": settings.AXES_FAILURE_LIMIT}
    return render(request, "accounts/locked.html", context, status=429)


@requires(LOGIN)
@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    user = request.user
    if isinstance(user, User):
        audit_record(action=AuditAction.LOGOUT, actor=user, instance=user, request=request)
    logout(request)
    messages.info(request, _("You have signed out."))
    return redirect(settings.LOGOUT_REDIRECT_URL)


@requires(LOGIN)
@sensitive_post_parameters()
def password_change(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    form = PasswordChangeForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = user_password_set(
            actor=request.user,  # type: ignore[arg-type]
            user=request.user,  # type: ignore[arg-type]
            password=form.cleaned_data["new_password1"],
            request=request,
        )
        update_session_auth_hash(request, user)
        messages.success(request, _("Your password has been changed."))
        return redirect("web:home")
    status = 400 if request.method == "POST" else 200
    return render(request, "accounts/password_change.html", {"form": form}, status=status)


@requires(PUBLIC)
@require_POST
def language_set(request: HttpRequest) -> HttpResponse:
    """Switch the interface language; remembered on the user and in a cookie."""
    language = request.POST.get("language", "")
    if language not in dict(settings.LANGUAGES):
        messages.error(request, _("Unsupported language."))
        return redirect(_safe_next(request, "/"))
    if isinstance(request.user, User):
        user_language_set(user=request.user, language=language)
    translation.activate(language)
    return _with_language(HttpResponseRedirect(_safe_next(request, "/")), language)
