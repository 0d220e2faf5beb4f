from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.urls import include, path, re_path

from jxc.core.access import PUBLIC, requires
from jxc.web import views as web_views

from .api import api


@requires(PUBLIC)
def api_not_found(request: HttpRequest, rest: str = "") -> HttpResponse:
    return web_views.error_404(request)


urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    re_path(r"^api/(?P<rest>.*)$", api_not_found, name="api-not-found"),
    path("account/", include("jxc.accounts.urls")),
    path("inventory/", include("jxc.inventory.urls")),
    path("catalog/", include("jxc.catalog.urls")),
    path("", include("jxc.web.urls")),
]

handler403 = "jxc.web.views.error_403"
handler404 = "jxc.web.views.error_404"
handler500 = "jxc.web.views.error_500"
