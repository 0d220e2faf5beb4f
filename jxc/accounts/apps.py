from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _sync_roles_after_migrate(sender: AppConfig, **kwargs: Any) -> None:
    """Keep role groups in step with roles.py after every migrate.

    Runs for the last installed app, when every app's permissions have been created.
    """
    from django.apps import apps

    if sender.label != list(apps.get_app_configs())[-1].label:
        return
    from .services import roles_sync

    roles_sync()


class AccountsConfig(AppConfig):
    name = "jxc.accounts"
    label = "accounts"
    verbose_name = _("Accounts and security")

    def ready(self) -> None:
        post_migrate.connect(_sync_roles_after_migrate, dispatch_uid="jxc_roles_sync")
