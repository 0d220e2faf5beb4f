"""Django admin for accounts (staff only; the JXC pages are the everyday tools)."""

from typing import Any

from django.conf import settings
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django_otp.admin import OTPAdminSite

from .audit import audit_record, changes_between, model_snapshot
from .enums import AuditAction
from .models import ApiToken, AuditEntry, User
from .views.auth import logout_view


def _login_redirect(request: HttpRequest, extra_context: dict | None = None) -> HttpResponse:
    """Send admin sign-in to the JXC sign-in page (lockout, audit and 2FA live there)."""
    if admin.site.has_permission(request):
        return redirect("admin:index")
    if request.user.is_authenticated and request.user.is_staff and settings.JXC_ADMIN_REQUIRE_2FA:
        return redirect("accounts:totp")
    target = request.GET.get("next") or reverse("admin:index")
    return redirect(f"{reverse('accounts:login')}?{urlencode({'next': target})}")


def admin_site_configure(site: admin.AdminSite) -> None:
    """Sign-in through JXC; with JXC_ADMIN_REQUIRE_2FA only OTP-verified staff get in."""
    if settings.JXC_ADMIN_REQUIRE_2FA and not isinstance(site, OTPAdminSite):
        site.__class__ = OTPAdminSite
    site.login = _login_redirect  # type: ignore[method-assign]
    site.logout = logout_view  # type: ignore[assignment]
    site.site_header = "JXC"


admin_site_configure(admin.site)


class AuditedAdminMixin(admin.ModelAdmin):
    """Master data edited in the Django admin lands in the audit log like any other change."""

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        before = model_snapshot(type(obj)._default_manager.get(pk=obj.pk)) if change else {}
        super().save_model(request, obj, form, change)
        changes = changes_between(before, model_snapshot(obj))
        if changes or not change:
            action = AuditAction.UPDATE if change else AuditAction.CREATE
            audit_record(
                action=action, actor=request.user, instance=obj, changes=changes, request=request
            )

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        instance = form.instance
        groups_before = sorted(instance.groups.values_list("name", flat=True)) if change else []
        super().save_related(request, form, formsets, change)
        if hasattr(instance, "groups"):
            groups_after = sorted(instance.groups.values_list("name", flat=True))
            if groups_after != groups_before:
                audit_record(
                    action=AuditAction.UPDATE,
                    actor=request.user,
                    instance=instance,
                    changes={"roles": [groups_before, groups_after]},
                    request=request,
                )

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        audit_record(
            action=AuditAction.DELETE,
            actor=request.user,
            instance=obj,
            changes=changes_between(model_snapshot(obj), {}),
            request=request,
        )
        super().delete_model(request, obj)


@admin.register(User)
class JxcUserAdmin(AuditedAdminMixin, UserAdmin):
    list_display = ("username", "display_name", "is_active", "is_staff", "last_login")
    fieldsets = (
        *(UserAdmin.fieldsets or ()),
        ("JXC", {"fields": ("display_name", "phone", "language", "all_warehouses", "all_shops")}),
    )


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ("at", "actor_name", "action", "object_type", "object_repr", "ip_address")
    list_filter = ("action", "object_type")
    search_fields = ("actor_name", "object_repr")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(ApiToken)
class ApiTokenAdmin(AuditedAdminMixin):
    list_display = ("name", "user", "prefix", "created_at", "last_used_at", "revoked_at")
    readonly_fields = ("prefix", "digest", "last_used_at")
