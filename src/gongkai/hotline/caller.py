"""The caller of a work order: personal information, protected as an applicant's identity is.

Name, phone and address are stored encrypted (`applications/identity.py`, the same keys) and
masked for lists; the full values are shown only to the staff of the handling agency, and on a
confidential order (工单保密, GB/T 33358-2016) only to its handler — no masked copy is kept for
such an order, so no list, export or audit row carries even part of it.
"""

from dataclasses import dataclass

from gongkai.agencies import access
from gongkai.applications import identity
from gongkai.lib.phones import phone_digits

HIDDEN = "（保密工单，仅承办人可见）"


@dataclass(frozen=True)
class Caller:
    name: str = ""
    phone: str = ""
    address: str = ""


def mask_name(name: str) -> str:
    """The surname kept, the rest hidden: 张三 → 张*, 欧阳小明 → 欧***."""
    name = name.strip()
    return name[0] + "*" * (len(name) - 1) if len(name) > 1 else name


def mask_phone(phone: str) -> str:
    return identity.mask(phone.strip())


def mask_address(address: str) -> str:
    """The first six characters (province, city, district as most addresses begin), then ***."""
    address = address.strip()
    return address[:6] + "***" if len(address) > 6 else address


def caller_key(phone: str) -> str:
    """Equal for the same phone number however it was typed; empty without one."""
    digits = phone_digits(phone)
    return identity.keyed_digest(f"hotline-caller:{digits}") if digits else ""


def stored(caller: Caller, *, confidential: bool) -> dict:
    """The model fields that keep `caller`: encrypted, masked unless the order is confidential."""
    masked = not confidential
    return {
        "caller_name_encrypted": identity.encrypt(caller.name.strip()),
        "caller_phone_encrypted": identity.encrypt(caller.phone.strip()),
        "caller_address_encrypted": identity.encrypt(caller.address.strip()),
        "caller_name_masked": mask_name(caller.name) if masked else "",
        "caller_phone_masked": mask_phone(caller.phone) if masked else "",
        "caller_address_masked": mask_address(caller.address) if masked else "",
        "caller_key": caller_key(caller.phone),
    }


def sees_caller(user, order) -> bool:
    """Whether `user` reads the caller in full: the handling agency's own staff do (not a
    主管部门 above nor a 系统管理员); on a confidential order only its handler does."""
    if not access.sees_applicant_identity(user, order.agency):
        return False
    return not order.confidential or (
        order.handler_id is not None and order.handler_id == getattr(user, "pk", None)
    )


def full(order) -> Caller:
    return Caller(
        identity.decrypt(order.caller_name_encrypted),
        identity.decrypt(order.caller_phone_encrypted),
        identity.decrypt(order.caller_address_encrypted),
    )


def masked(order) -> Caller:
    if order.confidential:
        return Caller(HIDDEN, HIDDEN, HIDDEN)
    return Caller(order.caller_name_masked, order.caller_phone_masked, order.caller_address_masked)


def for_user(user, order) -> Caller:
    """The caller as `user` may read it."""
    return full(order) if sees_caller(user, order) else masked(order)
