"""Users, data scopes, personal API tokens, the audit log and the capability permissions."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from jxc.core.models import TimeStampedModel

from .enums import AuditAction, ScopeKind


class User(AbstractUser):
    """A person who signs in. Roles are Django groups; scopes limit warehouses and shops."""

    display_name = models.CharField(_("display name"), max_length=60, blank=True)
    phone = models.CharField(_("phone"), max_length=32, blank=True)
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    all_warehouses = models.BooleanField(_("all warehouses"), default=True)
    all_shops = models.BooleanField(_("all shops"), default=True)

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
        constraints = [
            models.UniqueConstraint(Lower("username"), name="user_username_ci_unique"),
        ]

    def __str__(self) -> str:
        return self.display_name or self.username

    @property
    def label(self) -> str:
        return self.display_name or self.get_full_name() or self.username


class DataScope(models.Model):
    """One warehouse or shop a scoped user may see (used when all_<kind>s is off)."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="scopes")
    kind = models.CharField(_("kind"), max_length=16, choices=ScopeKind.choices)
    ref_id = models.PositiveBigIntegerField(_("object id"))

    class Meta:
        verbose_name = _("data scope")
        verbose_name_plural = _("data scopes")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind", "ref_id"], name="datascope_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user_id}:{self.kind}:{self.ref_id}"


class ApiToken(TimeStampedModel):
    """A personal API token. Only its SHA-256 digest is stored; the secret is shown once."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=80)
    prefix = models.CharField(_("prefix"), max_length=16, unique=True)
    digest = models.CharField(max_length=64, unique=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None


class AuditEntry(models.Model):
    """Who did what to which object, when, and which fields changed (from → to)."""

    at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_name = models.CharField(_("actor"), max_length=150, blank=True)
    action = models.CharField(_("action"), max_length=20, choices=AuditAction.choices)
    object_type = models.CharField(_("object type"), max_length=100, blank=True, db_index=True)
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    object_repr = models.CharField(_("object"), max_length=200, blank=True)
    changes = models.JSONField(_("changes"), default=dict, blank=True)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_name} {self.action} {self.object_repr}"


class Capability(models.Model):
    """Holds the module-level permissions that roles grant (no table of its own)."""

    class Meta:
        managed = False
        default_permissions = ()
        permissions = [
            ("view_catalog", _("View products")),
            ("manage_catalog", _("Edit products and listings")),
            ("view_partners", _("View suppliers")),
            ("manage_partners", _("Edit suppliers")),
            ("view_purchasing", _("View purchase orders")),
            ("manage_purchasing", _("Create and edit purchase orders")),
            ("approve_purchasing", _("Approve purchase orders")),
            ("view_inventory", _("View stock")),
            ("manage_inventory", _("Move, adjust and count stock")),
            ("reserve_stock", _("Reserve and release stock")),
            ("view_orders", _("View orders")),
            ("manage_orders", _("Review and edit orders")),
            ("view_fulfilment", _("View shipping")),
            ("manage_fulfilment", _("Pick, pack and ship")),
            ("view_pricing", _("View promotions")),
            ("manage_pricing", _("Edit prices and promotions")),
            ("view_aftersales", _("View returns")),
            ("manage_aftersales", _("Handle returns and refunds")),
            ("view_feedback", _("View reviews and feedback")),
            ("manage_feedback", _("Answer reviews and feedback")),
            ("view_analytics", _("View reports")),
            ("view_planning", _("View forecasts and replenishment")),
            ("manage_planning", _("Run forecasts and accept suggestions")),
            ("view_risk", _("View risks")),
            ("manage_risk", _("Handle risks")),
            ("view_sales_money", _("See sales amounts")),
            ("view_cost", _("See costs and stock value")),
            ("view_pii", _("See unmasked customer personal data")),
            ("manage_users", _("Manage users, roles and scopes")),
            ("view_audit", _("View the audit log")),
            ("use_api", _("Use personal API tokens")),
        ]

    def __str__(self) -> str:
        return "capability"
