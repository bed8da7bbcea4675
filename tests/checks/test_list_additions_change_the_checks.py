"""An entry a system admin adds on the word-list page changes what the checks find at once."""

from django.urls import reverse

from gongkai.checks import check_text
from gongkai.checks.models import CheckListEntry
from tests.conftest import login, make_staff

TEXT = "欢迎访问本局网站。金冠国际官网，注册就送大礼。"


def _found(text: str, kind: str) -> list[str]:
    return [f.text for f in check_text(text) if f.kind == kind]


def _entry_url(entry: CheckListEntry) -> str:
    return f"{reverse('checks:entry')}?id={entry.pk}"


def test_a_new_spam_brand_is_found_and_a_deactivated_one_is_not(county):
    client = login(make_staff(county, "system_admin"))
    assert _found(TEXT, "spam_injection") == []

    response = client.post(
        f"{reverse('checks:list')}?name=spam_injection.brands",
        {"entry": "金冠国际", "note": "本县网站首页被植入"},
    )
    assert response.status_code == 302
    assert _found(TEXT, "spam_injection") == ["金冠国际"]

    entry = CheckListEntry.objects.get(entry="金冠国际")
    client.post(_entry_url(entry), {"op": "deactivate"})
    assert _found(TEXT, "spam_injection") == []

    client.post(_entry_url(entry), {"op": "activate"})
    assert _found(TEXT, "spam_injection") == ["金冠国际"]


def test_an_edited_entry_replaces_the_old_one(county):
    client = login(make_staff(county, "system_admin"))
    client.post(f"{reverse('checks:list')}?name=miswritten_word.typo", {"entry": "大礼包: 大礼"})
    entry = CheckListEntry.objects.get()
    assert _found("注册就送大礼包。", "miswritten_word") == ["大礼包"]

    response = client.post(_entry_url(entry), {"entry": "就送大礼：赠送大礼", "note": "改正"})
    assert response.status_code == 302
    assert _found("注册就送大礼包。", "miswritten_word") == ["就送大礼"]
    entry.refresh_from_db()
    assert entry.entry == "就送大礼: 赠送大礼"


def test_structured_entries_use_the_lists_own_fields(county):
    client = login(make_staff(county, "system_admin"))
    client.post(
        f"{reverse('checks:list')}?name=political_expression.entries",
        {"entry": "wrong: 两个维护\nright: 两个确立\nreason: 示例依据\nseverity: warn"},
    )
    [finding] = [
        f for f in check_text("要深刻领会两个维护的意义。") if f.kind == "political_expression"
    ]
    assert (finding.text, finding.suggestion, finding.severity) == ("两个维护", "两个确立", "warn")


def test_an_entry_saved_outside_the_page_is_noticed_too(county):
    """Another process (a shell, the admin of another server) changes the table: the stamp the
    checkers are built from is the audit trail, which every save writes."""
    assert _found("李科长到场。张建国县长讲话。", "leader_name") == []
    check_text("预热缓存。")
    CheckListEntry.objects.create(list_name="leader_name.known_miswritings", entry="张建国: 张健国")
    assert _found("张建国县长讲话。", "leader_name") == ["张建国"]
