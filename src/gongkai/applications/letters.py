"""The letters of a case, from editable templates to numbered DOCX and PDF files.

Each kind has a built-in wording (templates/applications/letters/<kind>.txt); an agency may
replace it with its own (`LetterTemplate`). Templates are plain text with named fields such as
{{ 申请人 }}. A generated letter is numbered in its agency's series for the year and kind
(e.g. 某局依申复〔2025〕3号) and stored with the case as DOCX and as PDF, the PDF embedding a
TrueType CJK font so it prints the same everywhere.
"""

from datetime import date
from pathlib import Path

from django.core.files.base import ContentFile
from django.db import transaction
from django.template import Context, Engine, TemplateSyntaxError

from gongkai.calendar.workdays import provisional_year
from gongkai.core import fonts
from gongkai.core.audit import record_transition
from gongkai.lib.errors import Refused

from . import services
from .fees import FeeMethod
from .ledger import EventKind
from .letter_files import Rendered, cn_date, to_docx, to_pdf
from .models import LETTER_SERIES, Application, Letter, LetterKind, LetterTemplate
from .outcomes import Outcome

TEMPLATE_DIR = Path(__file__).resolve().parent.parent / "templates" / "applications" / "letters"
# Plain text only: no autoescaping, no template tags beyond the built-in ones.
_engine = Engine(autoescape=False, string_if_invalid="")

REMEDIES = (
    "如对本答复不服，可以自收到本答复之日起六十日内向{body}申请行政复议，"
    "或者自收到本答复之日起六个月内向人民法院提起行政诉讼。"
)

CONCLUSIONS = {
    Outcome.GRANTED: "您申请获取的政府信息属于公开范围，本机关予以公开，现随本答复书一并提供。",
    Outcome.PARTIAL: "您申请获取的政府信息中含有不应当公开或者不属于政府信息的内容，"
    "本机关作区分处理，对可以公开的部分予以提供，对不予公开的部分说明理由如下。",
    Outcome.UNABLE_NOT_HELD: "经检索查找，本机关未制作或者获取您申请的政府信息，无法提供。",
    Outcome.UNABLE_NEED_CREATION: "您申请的内容需要本机关对现有政府信息进行加工、分析，"
    "本机关不予提供。",
    Outcome.UNABLE_UNCLEAR_AFTER_CORRECTION: "经补正后，您的申请内容仍不明确，本机关无法提供。",
    Outcome.OTHER_NO_CORRECTION: "您无正当理由逾期未补正，视为放弃申请，本机关不再处理该申请。",
    Outcome.OTHER_NO_FEE: "您逾期未按收费通知要求缴纳信息处理费，视为放弃申请，"
    "本机关不再处理该申请。",
    Outcome.OTHER_OTHER: "本机关对您的申请处理如下。",
}


def conclusion(outcome: str) -> str:
    if outcome in CONCLUSIONS:
        return CONCLUSIONS[Outcome(outcome)]
    if outcome.startswith("denied_"):
        return "您申请获取的政府信息属于不予公开的范围，本机关不予公开。"
    return "您的申请不属于本机关应当作为政府信息公开申请处理的情形，本机关不予处理。"


def default_body(kind: str) -> str:
    return (TEMPLATE_DIR / f"{kind}.txt").read_text(encoding="utf-8")


def body_template(case: Application, kind: str) -> str:
    own = LetterTemplate.objects.filter(agency=case.agency, kind=kind).first()
    return own.body if own else default_body(kind)


def check_template(body: str) -> None:
    """Refuse a template the engine cannot read, before an agency saves it."""
    try:
        _engine.from_string(body)
    except TemplateSyntaxError as error:
        raise Refused(f"模板格式有误：{error}") from None


def save_template(agency, kind: str, body: str) -> LetterTemplate | None:
    """Store an agency's wording of a letter; an empty body restores the built-in one."""
    existing = LetterTemplate.objects.filter(agency=agency, kind=kind).first()
    if not body.strip():
        if existing is not None:
            existing.delete()
        return None
    check_template(body)
    if existing is None:
        return LetterTemplate.objects.create(agency=agency, kind=kind, body=body)
    existing.body = body
    existing.save()
    return existing


def generate(case: Application, kind: str, *, user, on: date | None = None) -> Letter:
    """Render, number and store one letter of the case."""
    kind = LetterKind(kind)
    fields = letter_fields(case, kind)
    on = on or services.today()
    with transaction.atomic():
        serial = services.next_serial(case.agency, on.year, LETTER_SERIES[kind])
        number = f"{case.agency.display_name}{LETTER_SERIES[kind]}〔{on.year}〕{serial}号"
        body = _engine.from_string(body_template(case, kind)).render(
            Context(fields | {"文书编号": number})
        )
        rendered = Rendered(
            kind.label, number, body.strip(), case.agency.name, on, enclosures(case, kind)
        )
        try:
            pdf = to_pdf(rendered)
        except fonts.FontMissing as error:
            raise Refused(str(error)) from None
        letter = Letter(case=case, kind=kind, year=on.year, serial=serial, number=number)
        letter.text = rendered.text
        stem = f"{case.pk}-{kind}-{on.year}-{serial}"
        letter.docx.save(f"{stem}.docx", ContentFile(to_docx(rendered)), save=False)
        letter.pdf.save(f"{stem}.pdf", ContentFile(pdf), save=False)
        letter.save()
        record_transition(
            case, "letter", kind=str(kind), number=number, files=[letter.docx.name, letter.pdf.name]
        )
    return letter


def enclosures(case: Application, kind: str) -> tuple[str, ...]:
    """What a reply sends with it: the titles entered with the decision (附件说明)."""
    if kind != LetterKind.REPLY:
        return ()
    decided = case.events.filter(kind=EventKind.DECIDED).order_by("-id").first()
    return tuple(decided.data.get("enclosures", ())) if decided else ()


def letter_fields(case: Application, kind: str) -> dict:
    """The named fields a template may use, or Refused when the case lacks the facts."""
    events = list(case.events.order_by("id"))

    def last(event_kind):
        found = [e for e in events if e.kind == event_kind]
        return found[-1] if found else None

    fields = {
        "机关": case.agency.name,
        "申请人": case.applicant_name,
        "申请编号": case.number,
        "收到日期": cn_date(case.received_on),
        # Quoted mid-sentence: a closing 。 of its own would print 「……明细。”。」.
        "所需信息": _without_final_stop(case.description),
        "文号": case.document_number,
        "查询码": case.tracking_code_display,
    }
    fields |= _date_field("答复期限", case.received_on, case.due_date, case.due_display)
    if kind == LetterKind.CORRECTION:
        event = _needed(last(EventKind.CORRECTION_REQUESTED), "本申请没有告知补正的记录")
        fields |= {
            "补正事项": event.data["matters"],
            "补正期限": cn_date(date.fromisoformat(event.data["deadline"])),
        }
    elif kind == LetterKind.EXTENSION:
        event = last(EventKind.EXTENSION_APPROVED) or last(EventKind.EXTENSION_REQUESTED)
        event = _needed(event, "本申请没有延期答复的记录")
        request = last(EventKind.EXTENSION_REQUESTED)
        fields |= {
            "延长天数": event.data["workdays"],
            "延期理由": _without_final_stop(request.data["reason"]) if request else "",
        }
        fields |= _date_field("延期后期限", case.received_on, case.due_date, case.due_display)
    elif kind == LetterKind.CONSULTATION:
        event = _needed(last(EventKind.CONSULTATION_STARTED), "本申请没有征求意见的记录")
        fields["第三方"] = _without_final_stop(event.data["party"])
        fields |= _date_field("答复截止", event.on, _stored_date(event.data.get("answer_due")))
    elif kind == LetterKind.FEE:
        event = _needed(last(EventKind.FEE_NOTICE), "本申请没有收费通知的记录")
        method = FeeMethod(event.data["method"])
        unit = "当月第{}件申请" if method == FeeMethod.PER_ITEM else "共{}页"
        fields |= _date_field("缴费期限", event.on, _stored_date(event.data.get("payment_due")))
        fields |= {
            "计收方式": method.label,
            "计收数量": unit.format(event.data["count"]),
            "收费金额": event.data["amount"],
            "减免理由": event.data.get("reduction_reason", ""),
            "缴费方式": payment_instructions(case),
        }
    elif kind == LetterKind.REPLY:
        event = _needed(last(EventKind.DECIDED), "本申请尚未作出答复")
        parent = case.agency.parent
        fields |= {
            "办理结果": Outcome(event.data["outcome"]).label,
            "答复结论": _not_this_organs(event.data)
            if event.data.get("not_this_organs")
            else conclusion(event.data["outcome"]),
            "负责公开的机关": event.data.get("responsible_organ", ""),
            "负责机关联系方式": event.data.get("responsible_contact", ""),
            "法律依据": _without_final_stop(event.data["legal_basis"]),
            "理由": event.data["reasons"],
            "救济途径": REMEDIES.format(body=parent.name if parent else "上一级行政机关"),
        }
    return fields


def payment_instructions(case: Application) -> str:
    """How and where to pay, from the agency's settings (国办函〔2020〕109号: the notice states
    the payment method); without them, the office's phone to ask."""
    agency = case.agency
    ways = []
    if agency.fee_transfer_details:
        ways.append(
            f"通过银行汇款缴纳（收款单位：{agency.fee_payee}；开户银行：{agency.fee_bank}；"
            f"账号：{agency.fee_account}；汇款时请注明申请编号{case.number}）"
        )
    if agency.fee_counter:
        ways.append(f"到{_without_final_stop(agency.fee_counter)}现场缴纳")
    if ways:
        return "您可以" + "，也可以".join(ways) + "。"
    phone = agency.disclosure_office_phone or agency.phone
    office = agency.disclosure_office or "本机关"
    if phone:
        return f"缴费方式请致电{office}（电话：{phone}）咨询。"
    return f"缴费方式请与{office}联系。"


def _date_field(name: str, start: date, due: date | None, missing: str = "（期限待定）") -> dict:
    """A deadline as two fields: `name` when the date is final, `暂定<name>` while provisional.

    A date counted through a year whose holiday notice is not imported yet may still move, so
    it is never printed as a plain date: the built-in letters state the statutory period in
    words and add `{{ name }}` only when it is set; a template that wants the provisional date
    says so by naming `暂定<name>`, which carries the mark 「（暂定）」 with it.
    """
    if due is None:
        return {name: missing, f"暂定{name}": ""}
    if provisional_year(start, due):
        return {name: "", f"暂定{name}": f"{cn_date(due)}（暂定）"}
    return {name: cn_date(due), f"暂定{name}": ""}


def _without_final_stop(text: str) -> str:
    """Text a letter puts inside its own sentence, without the full stop it may end with."""
    return text.strip().rstrip("。．.；;").rstrip()


def _stored_date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _not_this_organs(data: dict) -> str:
    """The Art. 36(5) conclusion: not ours to disclose, and who is."""
    text = (
        "经审查，您申请获取的政府信息不属于本机关负责公开的政府信息。"
        f"负责公开该政府信息的行政机关为{data['responsible_organ']}"
    )
    if data.get("responsible_contact"):
        text += f"，联系方式：{data['responsible_contact']}"
    return text + "，请您向该机关提出申请。"


def _needed(event, message: str):
    if event is None:
        raise Refused(message)
    return event
