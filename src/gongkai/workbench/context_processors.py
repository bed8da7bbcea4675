from .menu import menu_for


def workbench(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"workbench_menu": menu_for(user)}
