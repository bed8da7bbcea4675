"""Request middleware of the core app."""

from .actor import acting_as, actor_for_user


class AuditActorMiddleware:
    """Names the logged-in user as the actor of every change a request makes."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with acting_as(actor_for_user(getattr(request, "user", None))):
            return self.get_response(request)
