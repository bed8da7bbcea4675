"""The site's identity (网站标识): what every page of a government website shows in its footer.

《政府网站发展指引》(国办发〔2017〕47号) asks each site to show the 党政机关网站标识 (a link
to the site's registration at conac.cn), its 网站标识码 (from the 全国政府网站基本信息数据库),
its ICP备案号 (MIIT) and 公安机关备案号, and its 主办单位 with a contact. They belong to one
deployment and come from the environment (`settings/base.py`, docs/deployment.md). Where a
value is not set and `GONGKAI_SITE_EXAMPLES` is on (the demo and development; off in
production) an example stands in and is marked as one wherever it is shown, so no one takes it
for a real registration.
"""

import re
from dataclasses import dataclass

from django.conf import settings
from django.core import checks

ICP_LOOKUP_URL = "https://beian.miit.gov.cn/"
PSB_LOOKUP_URL = "https://beian.mps.gov.cn/#/query/webSearch?code={code}"

# Which setting holds each value, its label, the form it must have and an example.
_ICP = re.compile(r"^\S{1,3}ICP备\d{6,10}号(-\d{1,3})?$")
_PSB = re.compile(r"^\S{1,3}公网安备\s?\d{14}号$")
# 10 digits (the 6-digit division code and a serial) for a government's site, bm + 8 digits for
# a State Council department's.
_SITE_CODE = re.compile(r"^(\d{10}|bm\d{8})$")
_CONAC = re.compile(r"^https://[a-z.]*conac\.cn/\S+$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(frozen=True)
class Spec:
    key: str
    setting: str
    label: str
    example: str
    pattern: re.Pattern | None = None
    hint: str = ""


SPECS: tuple[Spec, ...] = (
    Spec(
        "conac_url",
        "GONGKAI_SITE_CONAC_URL",
        "党政机关网站标识",
        "https://bszs.conac.cn/sitename?method=show&id=00000000000000000000000000000000",
        _CONAC,
        "开办单位在 conac.cn 注册后取得的标识链接（https://bszs.conac.cn/sitename?…）",
    ),
    Spec(
        "site_code",
        "GONGKAI_SITE_CODE",
        "网站标识码",
        "5399010001",
        _SITE_CODE,
        "10位数字（行政区划代码加4位序号），或 bm 加8位数字",
    ),
    Spec(
        "icp",
        "GONGKAI_SITE_ICP",
        "ICP备案号",
        "滇ICP备00000000号-1",
        _ICP,
        "如“滇ICP备12345678号-1”",
    ),
    Spec(
        "psb",
        "GONGKAI_SITE_PSB",
        "公安机关备案号",
        "滇公网安备53990102000001号",
        _PSB,
        "如“滇公网安备53990102000001号”（14位数字）",
    ),
    Spec("sponsor", "GONGKAI_SITE_SPONSOR", "主办单位", "某某县人民政府办公室"),
    Spec("contact_phone", "GONGKAI_SITE_CONTACT_PHONE", "联系电话", "0878-5212345"),
    Spec(
        "contact_email",
        "GONGKAI_SITE_CONTACT_EMAIL",
        "电子邮箱",
        "zwgk@example.gov.cn",
        _EMAIL,
        "如“zwgk@example.gov.cn”",
    ),
    Spec("contact_address", "GONGKAI_SITE_CONTACT_ADDRESS", "通讯地址", "某某县城关镇人民路8号"),
)
BY_KEY = {spec.key: spec for spec in SPECS}


@dataclass(frozen=True)
class Value:
    key: str
    label: str
    text: str  # "" when neither set nor stood in for by an example
    example: bool  # an example standing in for an unset value

    def __bool__(self) -> bool:
        return bool(self.text)

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class SiteIdentity:
    values: dict[str, Value]

    def __getattr__(self, key: str) -> Value:
        if key.startswith("__") or key == "values":
            raise AttributeError(key)
        try:
            return self.values[key]
        except KeyError:
            raise AttributeError(key) from None

    @property
    def examples(self) -> list[str]:
        """The keys shown with an example value."""
        return [key for key, value in self.values.items() if value.example]

    @property
    def psb_url(self) -> str:
        digits = re.sub(r"\D", "", self.values["psb"].text)
        return PSB_LOOKUP_URL.format(code=digits) if digits else ""

    @property
    def icp_url(self) -> str:
        return ICP_LOOKUP_URL if self.values["icp"] else ""

    def as_dict(self) -> dict:
        """The identity as the site description (`/site.json`) gives it to monitors."""
        shown = {key: value.text for key, value in self.values.items()}
        return {
            "conac_url": shown["conac_url"],
            "site_code": shown["site_code"],
            "icp": shown["icp"],
            "icp_url": self.icp_url,
            "psb": shown["psb"],
            "psb_url": self.psb_url,
            "sponsor": shown["sponsor"],
            "contact": {
                "phone": shown["contact_phone"],
                "email": shown["contact_email"],
                "address": shown["contact_address"],
            },
            "examples": self.examples,
        }


def configured(spec: Spec) -> str:
    return " ".join(str(getattr(settings, spec.setting, "") or "").split())


def identity() -> SiteIdentity:
    """The deployment's identity, with examples for unset values where examples are on."""
    use_examples = getattr(settings, "GONGKAI_SITE_EXAMPLES", False)
    values = {}
    for spec in SPECS:
        text = configured(spec)
        example = not text and use_examples
        values[spec.key] = Value(spec.key, spec.label, spec.example if example else text, example)
    return SiteIdentity(values)


def problems() -> list[tuple[Spec, str]]:
    """Each configured value that does not have the form its registration gives it, and each
    value a government site must show that is not set."""
    found = []
    for spec in SPECS:
        text = configured(spec)
        if not text:
            if spec.key != "contact_address":
                found.append((spec, f"未设置{spec.label}（环境变量 {spec.setting}）"))
        elif spec.pattern is not None and not spec.pattern.match(text):
            found.append((spec, f"{spec.label}“{text}”格式不对：{spec.hint}"))
    return found


@checks.register("gongkai", deploy=True)
def check_identity(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """`gongkai check --system --deploy`: the footer of a government site must carry these."""
    return [
        checks.Warning(message, hint=spec.hint or None, id=f"gongkai.W1{SPECS.index(spec):02d}")
        for spec, message in problems()
    ]
