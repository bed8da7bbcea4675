from django.conf import settings


def site(request):
    return {"portal_name": settings.GONGKAI_SITE_NAME}
