"""API permissions: deny unless a view says otherwise; staff views ask agencies.access."""

from rest_framework.permissions import SAFE_METHODS, BasePermission

from gongkai.agencies import access


def unsupported_method(request, view) -> bool:
    """A method the endpoint does not have (TRACE, DELETE where nothing is deleted): let it
    through to the view's 405, where nothing runs, instead of a 403 implying it exists."""
    return request.method not in view.allowed_methods


class DenyByDefault(BasePermission):
    """The project-wide default, so an endpoint that forgets to choose exposes nothing."""

    def has_permission(self, request, view):
        return False


class PublicReadOnly(BasePermission):
    def has_permission(self, request, view):
        return request.method in SAFE_METHODS or unsupported_method(request, view)


class StaffScoped(BasePermission):
    """The user must hold the view's action somewhere; rows are then scoped by the viewset."""

    message = "您没有此项工作的权限"

    def has_permission(self, request, view):
        if unsupported_method(request, view):
            return True
        return not access.grant(request.user, view.scope_action()).nothing
