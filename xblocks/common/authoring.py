"""Who may change a block's authored content (its Studio editor and preview handlers).

Studio builds its user service as `DjangoXBlockUserService(user)` without `user_is_staff`,
so a staff check alone would refuse every course author in their own editor. Studio does
load a `studio_user_permissions` service (with `can_write(course_key)`) for the handlers of
`studio_view`; where it exists it decides. Elsewhere (the LMS, the workbench) only staff may.
A block using this must declare `@XBlock.wants("studio_user_permissions")`.

Being allowed is not enough where the runtime cannot store the edit: in the LMS, content
and settings are read-only (LmsFieldData wraps them in ReadOnlyFieldData), and the
refusal, InvalidScopeError, comes only when the runtime saves the block after the
handler answered: a 500. `require_editable` asks the storage first.
"""

from xblock.exceptions import InvalidScopeError, NoSuchServiceError

from .handlers import require
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


def can_store(block, field_names) -> bool:
    """Whether the runtime's storage accepts writes of these authored fields, asked before
    anything is written: each is written back with the value it holds (or, if unset, set
    to its default and deleted again), so storage that accepts the write ends unchanged.
    """
    # The field data `block.save()` writes to: a runtime may wrap or replace the service's.
    field_data = block._field_data
    for name in field_names:
        try:
            if field_data.has(block, name):
                field_data.set(block, name, field_data.get(block, name))
            else:
                field = block.fields[name]
                field_data.set(block, name, field.to_json(field.default))
                field_data.delete(block, name)
        except InvalidScopeError:
            return False
    return True


def require_editable(block, field_names, refusal):
    """A 403 JSON error unless this user may edit the block and the runtime can store
    `field_names`; call it before validating or writing anything."""
    require(can_edit_content(block), refusal, 403)
    require(
        can_store(block, field_names),
        block.gettext("The course cannot be changed here: edit it in Studio."),
        403,
    )
