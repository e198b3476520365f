"""The dev server's user service: learners by id, and staff for ids starting 'staff'."""

from xblock.reference.user_service import UserService, XBlockUser

from xblocks.common.services import ANONYMOUS_USER_ID, USER_IS_STAFF


class DevUserService(UserService):
    runtime = None  # set by the workbench when it loads the service

    def get_current_user(self):
        # The workbench keeps the learner only in its runtime's (deprecated) user_id.
        user_id = str(
            getattr(self.runtime, "_deprecated_per_instance_user_id", None) or "student_1"
        )
        user = XBlockUser(is_current_user=True, full_name=user_id)
        user.opt_attrs[USER_IS_STAFF] = user_id.startswith("staff")
        user.opt_attrs[ANONYMOUS_USER_ID] = user_id
        user.opt_attrs["edx-platform.username"] = user_id
        return user
