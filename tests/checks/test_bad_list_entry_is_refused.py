"""An entry that does not parse in its list's format is refused in Chinese and saves nothing."""

import pytest
from django.urls import reverse

from gongkai.checks.models import CheckListEntry
from gongkai.core.models import AuditEvent
from tests.conftest import login, make_staff


@pytest.mark.parametrize(
    ("list_name", "entry", "error"),
    [
        ("spam_injection.brands", "   ", "该字段是必填项"),
        ("spam_injection.brands", "赌", "词语至少两个字"),
        ("spam_injection.brands", "开云体育", "已在基础词表中"),
        ("spam_injection.brands", "甲乙\n丙丁", "条目只能写一行"),
        ("spam_injection.patterns", "(未闭合", "正则表达式有误"),
        ("spam_injection.patterns", "a*", "能匹配空字符串"),
        ("spam_injection.trusted_domain_suffixes", "不是 域名", "不是域名后缀"),
        ("miswritten_word.typo", "布暑部署", "应写成“错误写法: 正确写法”"),
        ("miswritten_word.typo", "部署: 部署", "错误写法和正确写法相同"),
        ("leader_name.confusables", "建", "字组至少包含两个不同的字"),
        ("political_expression.entries", "wrong: 某提法", "缺少字段：right"),
        ("political_expression.entries", "wrong: 甲\nright: 乙\nlevel: 高", "不认识的字段：level"),
        ("political_expression.entries", "wrong: 甲\nright: 乙\nseverity: high", "severity 只能是"),
        ("secret_marking.patterns", "- 机密", "应写成每行一个“字段: 值”的映射"),
        ("secret_marking.patterns", "pattern: '[机密'\nlabel: 标志", "正则表达式有误"),
    ],
)
def test_bad_entry_is_refused_with_a_chinese_error(county, list_name, entry, error):
    client = login(make_staff(county, "system_admin"))
    events = AuditEvent.objects.count()
    response = client.post(f"{reverse('checks:list')}?name={list_name}", {"entry": entry})
    assert response.status_code == 400
    assert error in response.content.decode()
    assert not CheckListEntry.objects.exists()
    assert AuditEvent.objects.count() == events


def test_a_duplicate_of_an_active_addition_is_refused(county):
    client = login(make_staff(county, "system_admin"))
    url = f"{reverse('checks:list')}?name=spam_injection.brands"
    client.post(url, {"entry": "金冠国际"})
    response = client.post(url, {"entry": " 金冠国际 "})
    assert "「金冠国际」已在本地增补中" in response.content.decode()
    assert CheckListEntry.objects.count() == 1


def test_a_bad_edit_leaves_the_entry_as_it_was(county):
    client = login(make_staff(county, "system_admin"))
    client.post(f"{reverse('checks:list')}?name=spam_injection.patterns", {"entry": "金冠\\d+"})
    entry = CheckListEntry.objects.get()
    events = AuditEvent.objects.count()
    response = client.post(
        f"{reverse('checks:entry')}?id={entry.pk}", {"entry": "金冠[", "note": ""}
    )
    assert "正则表达式有误" in response.content.decode()
    entry.refresh_from_db()
    assert entry.entry == "金冠\\d+"
    assert AuditEvent.objects.count() == events
