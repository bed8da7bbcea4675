"""The one way a service refuses an action: a reason a person can act on, in Chinese.

Services raise `Refused` (or Django's `PermissionDenied` when the user may not act at all);
the workbench (`gongkai.workbench.refusals`) and the API (`gongkai.web.errors`) each translate it
in one place, so a refusal reads the same on every channel.
"""


class Refused(ValueError):
    """An action that cannot be carried out as asked; nothing was changed.

    `field` names the input at fault, when one is, so a form can show the message beside it.
    """

    def __init__(self, message: str, field: str | None = None) -> None:
        self.message = message
        self.field = field
        super().__init__(message)
