from django.conf import settings

from . import site_identity


def site(request):
    return {"portal_name": settings.GONGKAI_SITE_NAME, "site_identity": site_identity.identity()}
