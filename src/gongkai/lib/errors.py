"""The one way a service refuses an action: a reason a person can act on, in Chinese.

Services raise `Refused` (or Django's `PermissionDenied` when the user may not act at all);
the workbench (`gongkai.web.transitions`) and the API (`gongkai.web.errors`) each translate it
in one place, so a refusal reads the same on every channel.
"""

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError


class Refused(ValueError):
    """An action that cannot be carried out as asked; nothing was changed.

    `field` names the input at fault, when one is, so a form can show the message beside it.
    """

    def __init__(self, message: str, field: str | None = None) -> None:
        self.message = message
        self.field = field
        super().__init__(message)


def validated(instance, **options) -> None:
    """Run a model's own validation (`full_clean`) and refuse, in the one contract, with each
    field's message under its Chinese name; the first field at fault is the one named."""
    try:
        instance.full_clean(**options)
    except ValidationError as invalid:
        parts, first = [], None
        for name, messages in invalid.message_dict.items():
            if name == NON_FIELD_ERRORS:
                parts += messages
                continue
            first = first or name
            label = instance._meta.get_field(name).verbose_name
            parts += [f"{label}：{message}" for message in messages]
        raise Refused("；".join(parts), first) from None
