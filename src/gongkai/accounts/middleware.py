"""Staff who enabled a TOTP second factor must pass it before anything else."""

from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse

from .second_factor import has_second_factor

EXEMPT_NAMES = ("accounts:verify", "accounts:logout")


class StaffSecondFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and not user.is_verified()
            and has_second_factor(user)
            and request.path not in {reverse(name) for name in EXEMPT_NAMES}
            and not request.path.startswith("/static/")
        ):
            if request.path.startswith("/api/"):
                return JsonResponse({"detail": "请先完成动态口令验证"}, status=403)
            return redirect(f"{reverse('accounts:verify')}?next={request.path}")
        return self.get_response(request)
