"""Who may change a block's authored content (its Studio editor and preview handlers).

Studio builds its user service as `DjangoXBlockUserService(user)` without `user_is_staff`,
so a staff check alone would refuse every course author in their own editor. Studio does
load a `studio_user_permissions` service (with `can_write(course_key)`) for the handlers of
`studio_view`; where it exists it decides. Elsewhere (the LMS, the workbench) only staff may.
A block using this must declare `@XBlock.wants("studio_user_permissions")`.
"""

from xblock.exceptions import NoSuchServiceError

from .services import user_is_staff

STUDIO_PERMISSIONS = "studio_user_permissions"


def can_edit_content(block) -> bool:
    """True for an author with write access in Studio, or course staff elsewhere."""
    try:
        permissions = block.runtime.service(block, STUDIO_PERMISSIONS)
    except NoSuchServiceError:
        permissions = None
    if permissions is not None:
        course_key = getattr(block.scope_ids.usage_id, "context_key", None)
        return bool(course_key is not None and permissions.can_write(course_key))
    return user_is_staff(block)
