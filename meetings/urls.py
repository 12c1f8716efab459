from django.contrib import admin
from django.urls import include, path, register_converter
from django.views.generic import RedirectView

from meetings import api, views


class CountryCodeConverter:
    """Two letters (four for a former country); the views send capitals to the lower-case
    address."""

    regex = "[A-Za-z]{2}(?:[A-Za-z]{2})?"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value.lower()


register_converter(CountryCodeConverter, "cc")

public = (
    [
        path("", views.home, name="home"),
        path("about/", views.about, name="about"),
        path("downloads/<str:name>", views.download, name="download"),
        path("meetings/", views.meeting_list, name="list"),
        path("meetings/<int:pk>/", views.meeting_detail, name="meeting"),
        path("timeline/", views.timeline, name="timeline"),
        path("timeline/<int:year>/", views.timeline_year, name="year"),
        path("timeline/<int:year>/<int:month>/", views.timeline_month, name="month"),
        path("map/", views.world_map, name="map"),
        path("map/land.svg", views.land_outline, name="land"),
        path("countries/", views.country_list, name="countries"),
        path("countries/<cc:code>/", views.country_detail, name="country"),
        path("countries/<cc:a>/<cc:b>/", views.pair, name="pair"),
        path("officials/", views.directory, {"kind": "officials"}, name="officials"),
        path("officials/<slug:slug>/", views.official_detail, name="official"),
        path("topics/", views.directory, {"kind": "topics"}, name="topics"),
        path("topics/<slug:slug>/", views.subject_detail, {"kind": "topic"}, name="topic"),
        path("venues/", views.directory, {"kind": "venues"}, name="venues"),
        path("venues/<slug:slug>/", views.subject_detail, {"kind": "venue"}, name="venue"),
        path("occasions/", views.directory, {"kind": "occasions"}, name="occasions"),
        path("occasions/<slug:slug>/", views.subject_detail, {"kind": "occasion"}, name="occasion"),
        path("suggest/<slug:kind>/", views.suggest, name="suggest"),
        # topics were once called issues: old addresses still lead to them
        path("issues/", RedirectView.as_view(pattern_name="meetings:topics", permanent=True)),
        path(
            "issues/<slug:slug>/",
            RedirectView.as_view(pattern_name="meetings:topic", permanent=True, query_string=True),
        ),
    ],
    "meetings",
)

# the JSON API (meetings/api.py; described by meetings/data/openapi.json)
api_v1 = (
    [
        path("", api.index, name="index"),
        path("openapi.json", api.openapi, name="openapi"),
        path("meetings/", api.meeting_list, name="meetings"),
        path("meetings/<int:pk>/", api.meeting_detail, name="meeting"),
        path("countries/", api.country_list, name="countries"),
        path("countries/<cc:code>/", api.country_detail, name="country"),
        path("officials/", api.thing_list, {"kind": "official"}, name="officials"),
        path("officials/<slug:slug>/", api.thing_detail, {"kind": "official"}, name="official"),
        path("topics/", api.thing_list, {"kind": "topic"}, name="topics"),
        path("topics/<slug:slug>/", api.thing_detail, {"kind": "topic"}, name="topic"),
        path("venues/", api.thing_list, {"kind": "venue"}, name="venues"),
        path("venues/<slug:slug>/", api.thing_detail, {"kind": "venue"}, name="venue"),
        path("occasions/", api.thing_list, {"kind": "occasion"}, name="occasions"),
        path("occasions/<slug:slug>/", api.thing_detail, {"kind": "occasion"}, name="occasion"),
        path("<path:rest>", api.not_found),
    ],
    "api",
)

# a database outage answers 503 with Retry-After instead of the 500 page
handler500 = "meetings.reliability.server_error"

urlpatterns = [
    path("favicon.ico", views.favicon),
    path("admin/", admin.site.urls),
    path("api/v1/", include(api_v1)),
    path("", include(public)),
]
