"""Error pages in Chinese that say what went wrong and what to do; under /api/ the same answer
as JSON (`{"detail": …}`, the API's own refusal shape), since its clients read no HTML."""

from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.http import JsonResponse
from django.shortcuts import render


def _page(request, status: int, title: str, detail: str):
    if request.path.startswith("/api/"):
        return JsonResponse(
            {"detail": detail}, status=status, json_dumps_params={"ensure_ascii": False}
        )
    return render(request, "errors/error.html", {"title": title, "detail": detail}, status=status)


def bad_request(request, exception=None):
    if isinstance(exception, RequestDataTooBig | TooManyFieldsSent):
        return _page(
            request,
            413 if isinstance(exception, RequestDataTooBig) else 400,
            "提交的内容过大",
            "本次提交的内容超过了系统允许的大小，未作任何保存。请精简内容或分次提交。",
        )
    return _page(request, 400, "请求无法处理", "提交的内容格式有误，未作任何保存。请返回重试。")


def permission_denied(request, exception=None):
    detail = str(exception) if exception and str(exception) else "您没有访问此页面的权限。"
    return _page(request, 403, "无权访问", detail)


def page_not_found(request, exception=None):
    return _page(request, 404, "页面不存在", "您要找的页面不存在，或您无权查看。")


def server_error(request):
    return _page(request, 500, "系统出错", "系统暂时出现问题，已记录。请稍后再试。")
