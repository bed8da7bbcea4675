"""The transitions of a catalog item's review gate: each rule of `catalog.rules.ITEM_RULES` with
who may, its form and its service. The item page, the staff API's `transitions` endpoint and the
command line all go through `ITEM_WORKFLOW.perform`."""

from django.forms import Form, ModelChoiceField
from django.utils import timezone

from gongkai.agencies import access
from gongkai.catalog import services as catalog
from gongkai.catalog.forms import OverrideForm, ReasonForm, RevisionForm, ScheduleForm, SignForm
from gongkai.catalog.models import Attachment, InfoItem
from gongkai.catalog.rules import ITEM_RULES
from gongkai.lib.errors import Refused
from gongkai.lib.workflow import Transition, Workflow

from . import services


class AttachmentChoiceForm(Form):
    """Which attachment of the working version to remove."""

    attachment = ModelChoiceField(label="附件", queryset=Attachment.objects.none())

    def __init__(self, *args, item: InfoItem, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attachment"].queryset = Attachment.objects.filter(
            version_id=item.current_version_id
        )


def _pending(item: InfoItem):
    review = services.pending_review(item)
    if review is None:
        raise Refused("该信息没有进行中的审查。")
    return review


def _signing_action(item: InfoItem) -> str:
    """Who signs is the role of the step the review waits for."""
    review = services.pending_review(item)
    step = review.next_step if review is not None else None
    return f"review.step.{step['role']}" if step else "review.sign"


def _not_the_signer(item: InfoItem) -> str:
    review = services.pending_review(item)
    step = review.next_step if review is not None else None
    if step is None:
        return "该信息没有进行中的审查。"
    return services.signer_required(step)


def _form_kwargs(transition: Transition, item: InfoItem) -> dict:
    return {"item": item} if transition.form is AttachmentChoiceForm else {}


def _removed(attachment_name: str) -> str:
    return f"已删除附件“{attachment_name}”。"


def _remove_attachment(item, data, user) -> str:
    attachment = data["attachment"]
    catalog.remove_attachment(user=user, attachment=attachment)
    return attachment.name


ITEM_WORKFLOW = Workflow.of(
    ITEM_RULES,
    Transition(
        "submit",
        lambda item, data, user: services.submit(user=user, item=item),
        "item.change",
        done="已提交审查。",
    ),
    Transition(
        "sign",
        lambda item, data, user: services.sign(user=user, review=_pending(item), **data),
        _signing_action,
        SignForm,
        done="已签署审查意见。",
        denied=_not_the_signer,
    ),
    Transition(
        "override",
        lambda item, data, user: services.override_checks(
            user=user, review=_pending(item), reason=data["reason"]
        ),
        "review.sign",
        OverrideForm,
        done="已记录放行理由。",
    ),
    Transition(
        "publish",
        lambda item, data, user: services.publish(user=user, item=item),
        "item.publish",
        done="已在门户公开。",
    ),
    Transition(
        "schedule",
        lambda item, data, user: services.schedule(user=user, item=item, when=data["when"]),
        "item.publish",
        ScheduleForm,
        done=lambda item: (
            f"将于 {timezone.localtime(item.scheduled_for):%Y-%m-%d %H:%M} 自动公开。"
        ),
    ),
    Transition(
        "revoke",
        lambda item, data, user: services.revoke(user=user, item=item, reason=data["reason"]),
        "item.revoke",
        ReasonForm,
        done="已从门户撤回，记录和历史保留。",
    ),
    Transition(
        "revise",
        lambda item, data, user: catalog.start_revision(
            user=user, item=item, change_note=data["change_note"]
        ),
        "item.change",
        RevisionForm,
        done=lambda version: f"已生成第{version.number}版，审查通过前门户仍显示原版本。",
    ),
    Transition(
        "remove_attachment",
        _remove_attachment,
        "item.change",
        AttachmentChoiceForm,
        done=_removed,
    ),
    agency_of=lambda item: item.agency,
    can=access.can,
    form_kwargs=_form_kwargs,
)
