"""`gongkai check` is the content checker; Django's system checks remain `--system`."""

from io import StringIO

from django.core.management import call_command


def test_system_checks_run_with_the_flag():
    out = StringIO()
    call_command("check", "--system", stdout=out)
    assert "System check identified no issues" in out.getvalue()


def test_deploy_checks_report_development_settings(settings, monkeypatch):
    # The browser tests allow sync ORM calls beside Playwright's loop; deploy checks object.
    monkeypatch.delenv("DJANGO_ALLOW_ASYNC_UNSAFE", raising=False)
    settings.DEBUG = True
    out, err = StringIO(), StringIO()
    call_command("check", "--system", "--deploy", stdout=out, stderr=err)
    assert "security.W018" in out.getvalue() + err.getvalue()
