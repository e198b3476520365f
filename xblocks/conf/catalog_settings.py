"""The least Django needs to run makemessages/compilemessages on the package."""

SECRET_KEY = "catalog-tools-only"  # noqa: S105 (never serves requests)
USE_I18N = True
INSTALLED_APPS = []
