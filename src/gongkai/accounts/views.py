"""Login, second factor, password and API token pages."""

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from rest_framework.authtoken.models import Token

from gongkai.core.audit import record_transition

from . import second_factor
from .forms import LoginForm, TokenForm


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:security")

    def form_valid(self, form):
        response = super().form_valid(form)
        record_transition(self.request.user, "change_password")
        messages.success(self.request, "密码已修改。")
        return response


def _safe_next(request, fallback: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}):
        return target
    return fallback


@login_required
def verify(request):
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = second_factor.verify(request.user, form.cleaned_data["token"])
        if device is not None:
            otp_login(request, device)
            return redirect(_safe_next(request, reverse_lazy("workbench:home")))
        form.add_error("token", "动态口令不正确或已过期，请重新输入")
    return render(request, "accounts/verify.html", {"form": form})


@login_required
def security(request):
    user = request.user
    enabled = second_factor.has_second_factor(user)
    context = {"enabled": enabled, "token": Token.objects.filter(user=user).first()}
    if not enabled:
        device = second_factor.pending_device(user, request.session)
        form = TokenForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            confirmed = second_factor.confirm(user, request.session, form.cleaned_data["token"])
            if confirmed is not None:
                otp_login(request, confirmed)
                messages.success(request, "已启用动态口令。今后登录时需要输入手机应用生成的口令。")
                return redirect("accounts:security")
            form.add_error("token", "动态口令不正确，请核对手机时间后重试")
        context |= {
            "form": form,
            "qr": second_factor.qr_data_uri(device),
            "secret": second_factor.manual_key(device),
            "config_url": device.config_url,
        }
    return render(request, "accounts/security.html", context)


@login_required
@require_POST
def set_digest(request):
    """Turn the daily inbox e-mail (`gongkai tick`) on or off for oneself."""
    user = request.user
    user.receives_digest = request.POST.get("receives_digest") == "on"
    user.save(update_fields=["receives_digest"])
    messages.success(
        request, "已开启每日待办邮件。" if user.receives_digest else "已关闭每日待办邮件。"
    )
    return redirect("accounts:security")


@login_required
@require_POST
def disable_second_factor(request):
    second_factor.disable(request.user)
    messages.success(request, "已停用动态口令。")
    return redirect("accounts:security")


@login_required
@require_POST
def regenerate_token(request):
    Token.objects.filter(user=request.user).delete()
    Token.objects.create(user=request.user)
    record_transition(request.user, "issue_api_token")
    messages.success(request, "已生成新的接口令牌，原令牌即刻失效。")
    return redirect("accounts:security")
