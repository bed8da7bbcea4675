"""What a check reports: one finding per problem, located by character offsets."""

from dataclasses import asdict, dataclass
from enum import StrEnum


class Severity(StrEnum):
    """How much a finding matters to the reviewer who signs the item off."""

    BLOCK = "block"  # must be fixed, or overridden by a reviewer with a written reason
    WARN = "warn"
    INFO = "info"


SEVERITY_LABELS = {
    Severity.BLOCK: "必须处理",
    Severity.WARN: "警告",
    Severity.INFO: "提示",
}

KIND_LABELS = {
    "secret_marking": "涉密标志",
    "id_number": "身份证号",
    "phone_number": "手机号码",
    "bank_card": "银行卡号",
    "spam_injection": "垃圾信息植入",
    "miswritten_word": "错别字",
    "political_expression": "政治表述",
    "leader_name": "领导人姓名",
    "doc_number_format": "文号格式",
    "incomplete_date": "日期不完整",
    "garbled_text": "乱码",
    "script_mix": "繁简混用",
}


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem in a text; `start`/`end` are character offsets into that text."""

    kind: str
    severity: Severity
    start: int
    end: int
    text: str
    message: str
    suggestion: str = ""

    def as_dict(self) -> dict[str, str | int]:
        data = asdict(self)
        data["severity"] = self.severity.value
        return data
