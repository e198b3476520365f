"""Optional runtime services, each with the fallback used when a runtime lacks it."""

USER_IS_STAFF = "edx-platform.user_is_staff"
ANONYMOUS_USER_ID = "edx-platform.anonymous_user_id"


def current_user(block):
    service = block.runtime.service(block, "user")
    return service.get_current_user() if service else None


def user_is_staff(block) -> bool:
    user = current_user(block)
    return bool(user and user.opt_attrs.get(USER_IS_STAFF))


def anonymous_user_id(block) -> str:
    """A stable pseudonymous id for the learner (used to seed shuffles and reports)."""
    user = current_user(block)
    anonymous_id = user.opt_attrs.get(ANONYMOUS_USER_ID) if user else None
    return str(anonymous_id or block.scope_ids.user_id or "anonymous")


def block_settings(block) -> dict:
    """The block type's XBLOCK_SETTINGS bucket, or {} where the runtime has none."""
    service = block.runtime.service(block, "settings")
    return (service.get_settings_bucket(block) if service else None) or {}


def replace_static_urls(block, html: str) -> str:
    """Rewrite /static/... URLs to course assets where the runtime can."""
    service = block.runtime.service(block, "replace_urls")
    return service.replace_urls(html) if service else html
