"""Changing the deployment-wide 主题分类 tree and 体裁 list: add, rename, reorder, deactivate and
delete, each a 系统管理员's audited change.

A topic or genre some item already uses is never deleted, only deactivated: it then leaves the
item forms but stays on the items (and their published pages) that carry it.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max, ProtectedError

from gongkai.agencies import access
from gongkai.lib.errors import Refused, validated

from .models import Genre, ItemVersion, Topic

ACTION = "taxonomy.change"

Node = Topic | Genre


def may_change(user) -> bool:
    # Topics and genres belong to no agency, so only a grant everywhere (系统管理员) covers them.
    return access.grant(user, ACTION).everywhere


def _require(user) -> None:
    if not may_change(user):
        raise PermissionDenied("只有系统管理员可以修改主题分类和体裁分类")


def _label(node: Node) -> str:
    return "主题分类" if isinstance(node, Topic) else "体裁分类"


def _siblings(node: Node):
    if isinstance(node, Topic):
        return Topic.objects.filter(parent_id=node.parent_id)
    return Genre.objects.all()


def _clean_name(name: str, node: Node) -> str:
    name = name.strip()
    if not name:
        raise Refused("请填写名称")
    if _siblings(node).filter(name=name).exclude(pk=node.pk).exists():
        where = "同一上级分类下" if isinstance(node, Topic) else ""
        raise Refused(f"{where}已有名为“{name}”的{_label(node)}")
    return name


def _save(node: Node) -> Node:
    validated(node)
    node.save()
    return node


@transaction.atomic
def add_topic(*, user, name: str, parent: Topic | None = None) -> Topic:
    _require(user)
    if parent is not None and parent.parent_id is not None:
        raise Refused("主题分类只有两级，不能在二级分类下再设下级")
    topic = Topic(parent=parent)
    topic.name = _clean_name(name, topic)
    topic.sort_order = (_siblings(topic).aggregate(m=Max("sort_order"))["m"] or 0) + 1
    return _save(topic)


@transaction.atomic
def add_genre(*, user, name: str, is_document_type: bool = False) -> Genre:
    _require(user)
    genre = Genre(is_document_type=is_document_type)
    genre.name = _clean_name(name, genre)
    genre.sort_order = (Genre.objects.aggregate(m=Max("sort_order"))["m"] or 0) + 1
    return _save(genre)


@transaction.atomic
def rename(*, user, node: Node, name: str) -> Node:
    _require(user)
    node.name = _clean_name(name, node)
    return _save(node)


@transaction.atomic
def move(*, user, node: Node, step: int) -> Node:
    """Move one place up (step -1) or down (+1) among its siblings."""
    _require(user)
    ordered = list(_siblings(node).select_for_update().order_by("sort_order", "pk"))
    position = next(i for i, sibling in enumerate(ordered) if sibling.pk == node.pk)
    target = position + step
    if not 0 <= target < len(ordered):
        return node
    ordered[position], ordered[target] = ordered[target], ordered[position]
    # Renumbering all siblings makes the order unambiguous even where defaults repeat a number;
    # only rows whose number changes are saved (and so audited).
    for number, sibling in enumerate(ordered, start=1):
        if sibling.sort_order != number:
            sibling.sort_order = number
            sibling.save(update_fields=["sort_order"])
    node.refresh_from_db()
    return node


@transaction.atomic
def set_active(*, user, node: Node, active: bool) -> Node:
    _require(user)
    node.is_active = active
    node.save(update_fields=["is_active"])
    return node


def in_use(node: Node) -> bool:
    if isinstance(node, Topic):
        return ItemVersion.objects.filter(topic=node).exists()
    return ItemVersion.objects.filter(genre=node).exists()


@transaction.atomic
def delete(*, user, node: Node) -> None:
    _require(user)
    refusal = f"{_label(node)}“{node.name}”已被政府信息使用，不能删除，只能停用"
    if in_use(node):
        raise Refused(refusal)
    if isinstance(node, Topic) and node.children.exists():
        raise Refused(f"主题分类“{node.name}”下还有二级分类，请先删除这些二级分类")
    try:
        node.delete()
    except ProtectedError:
        raise Refused(refusal) from None
