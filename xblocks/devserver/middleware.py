"""The dev server's middleware: the learner's language from `?lang=xx` (kept in a cookie),
and cache headers for the files its pages load."""

from django.conf import settings
from django.utils import translation


class QueryLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.languages = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        language = request.GET.get("lang", "").lower()
        if language not in self.languages:
            return self.get_response(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        if request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != language:
            response.set_cookie(settings.LANGUAGE_COOKIE_NAME, language, samesite="Lax")
        return response


class CacheStaticMiddleware:
    """Let browsers keep what the dev server's pages load, as a production LMS lets them.

    A block's file whose URL carries its version (`?v=`, see common/resources.py) never
    changes at that URL: cached for a year. Without a version, it may be kept but is
    checked first. The page frame's JS catalog (`/jsi18n/?lang=xx`) is cached for a day.
    """

    YEAR = "public, max-age=31536000, immutable"
    DAY = "public, max-age=86400"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method != "GET" or response.status_code != 200:
            return response
        if request.path.startswith("/resource/"):
            response["Cache-Control"] = self.YEAR if "v" in request.GET else "no-cache"
        elif request.path == "/jsi18n/" and "lang" in request.GET:
            response["Cache-Control"] = self.DAY
        return response
