from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InventoryConfig(AppConfig):
    name = "jxc.inventory"
    label = "inventory"
    verbose_name = _("Inventory")

    def ready(self) -> None:
        from jxc.accounts.enums import ScopeKind
        from jxc.accounts.scopes import scope_model_register

        scope_model_register(kind=ScopeKind.WAREHOUSE, model_label="inventory.Warehouse")
