"""The base of every staff API endpoint: the rows and writes it allows come from access."""

from rest_framework import viewsets
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import SAFE_METHODS

from gongkai.agencies import access
from gongkai.core.actor import actor_for_user, name_actor

from .permissions import StaffScoped


# `view_action` scopes reads; `change_action` scopes writes and checks a new row's agency.
# List it first among a viewset's bases, so its perform_create/perform_update win over the DRF
# mixins'. (Comments, not a docstring: the API document would show a docstring to every reader.)
class StaffScopedViewSet(viewsets.GenericViewSet):
    permission_classes = [StaffScoped]
    view_action: str
    change_action: str | None = None

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        # Token users are known only now; name them as the actor of what follows.
        name_actor(actor_for_user(request.user))

    def scope_action(self) -> str:
        if self.request.method in SAFE_METHODS or self.change_action is None:
            return self.view_action
        return self.change_action

    def get_queryset(self):
        return access.scope(super().get_queryset(), self.request.user, self.scope_action())

    def perform_create(self, serializer):
        self._require_agency(serializer.validated_data.get("agency"))
        serializer.save()

    def perform_update(self, serializer):
        self._require_agency(serializer.validated_data.get("agency", serializer.instance.agency))
        serializer.save()

    def _require_agency(self, agency) -> None:
        if agency is None or not access.can(self.request.user, self.change_action, agency):
            raise PermissionDenied("您无权在该机关进行此操作")
