"""The JXC REST API at /api/v1/: each app contributes a router; docs at /api/v1/docs."""

from ninja import NinjaAPI

from jxc.accounts.api import router as accounts_router
from jxc.accounts.api_auth import ApiAuth
from jxc.catalog.api import router as catalog_router
from jxc.core.access import LOGIN, PUBLIC, requires
from jxc.core.api import install_error_handlers
from jxc.core.api import router as core_router
from jxc.inventory.api import router as inventory_router
from jxc.inventory.api_alerts import router as inventory_alerts_router

api = NinjaAPI(
    title="JXC API",
    version="1",
    description="JXC 电商进销存 REST API. Send `Authorization: Bearer <token>` or use the session.",
    urls_namespace="api",
    auth=ApiAuth(LOGIN),
    docs_url="/docs",
    openapi_url="/openapi.json",
    docs_decorator=requires(PUBLIC),
)
install_error_handlers(api)
api.add_router("", core_router)
api.add_router("", accounts_router)
api.add_router("", catalog_router)
api.add_router("", inventory_router)
api.add_router("", inventory_alerts_router)
