"""The workbench's one translation of a refused transition into what the page shows."""

from dataclasses import dataclass
from typing import Any

from django import forms
from django.core.exceptions import PermissionDenied

from gongkai.lib.errors import Refused
from gongkai.lib.workflow import InvalidInput, Workflow


@dataclass
class Attempt:
    """What came of a posted transition: its result, or the form with the reason on it."""

    done: bool
    result: Any = None
    form: forms.Form | None = None  # bound, with the errors to show beside the fields
    error: str = ""  # the first reason, for a page that shows it as a message


def attempt(workflow: Workflow, record, name: str, request, *, prefix=None) -> Attempt:
    """Carry out `name` on `record` with the posted input.

    A user without the right is told why on the page he posted from, like any other refusal:
    the page itself was his to see.
    """
    try:
        result = workflow.perform(
            record, name, request.POST, user=request.user, files=request.FILES, prefix=prefix
        )
    except PermissionDenied as denied:
        return Attempt(False, error=str(denied))
    except InvalidInput as invalid:
        return Attempt(False, form=invalid.form, error=invalid.message)
    except Refused as refused:
        form = workflow.form(name, record, data=request.POST, files=request.FILES, prefix=prefix)
        if form is not None:
            form.is_valid()
            show_refusal(form, refused)
        return Attempt(False, form=form, error=refused.message)
    return Attempt(True, result=result)


def show_refusal(form: forms.Form, refused: Refused) -> None:
    """The reason beside the field it is about, or above the form when it names none."""
    form.add_error(refused.field if refused.field in form.fields else None, refused.message)
