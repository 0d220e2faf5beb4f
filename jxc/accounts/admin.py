"""Django admin for accounts (staff only; the JXC pages are the everyday tools)."""

from django.conf import settings
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django_otp.admin import OTPAdminSite

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


@admin.register(User)
class JxcUserAdmin(UserAdmin):
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
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("name", "user", "prefix", "created_at", "last_used_at", "revoked_at")
    readonly_fields = ("prefix", "digest", "last_used_at")
