from django.db import models
from django.utils.translation import gettext_lazy as _

from ..alerts_domain import Kind


class AlertKind(models.TextChoices):
    LOW = Kind.LOW.value, _("Below safety stock")
    REORDER = Kind.REORDER.value, _("At reorder point")
    OVER = Kind.OVER.value, _("Over maximum stock")
    NEAR_EXPIRY = Kind.NEAR_EXPIRY.value, _("Near expiry")
