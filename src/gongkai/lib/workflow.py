"""One mechanism for every state change of a stateful record.

Two tables per kind of record:

- `Rules` say when each named transition may happen: the states it leaves from and one guard
  returning the reason it is refused (or nothing). The services consult them under their row
  lock (`rules.require(name, record)`), so a transition is refused the same way whoever asks —
  workbench, API, command line, timer — and a race between two clerks cannot slip past them.
- A `Workflow` adds to each rule who may (the access action), its one input form and the
  service it runs. `perform` is the only way in for the workbench, the API and the command line:
  access, then the form, then the service in one transaction; `available` lists what a user can
  do now and feeds the buttons, the API's list of moves and every "can ..." flag.

The transition's name is also the audit action its service records.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.core.exceptions import PermissionDenied
from django.db import transaction

from . import correlation
from .errors import Refused


class InvalidInput(Refused):
    """The transition's form refused its input; `form` keeps every error by field."""

    def __init__(self, form: forms.Form) -> None:
        self.form = form
        field_name, errors = next(iter(form.errors.items()))
        super().__init__(str(errors[0]), None if field_name == "__all__" else field_name)


@dataclass(frozen=True)
class Rule:
    """When one named transition may happen."""

    name: str
    label: str  # what the transition does, as a verb phrase: 「告知补正」「提交审查」
    sources: frozenset[str] = frozenset()  # the states it leaves from; empty: any state
    guard: Callable[[Any], str | None] | None = None  # the reason it cannot happen now


@dataclass(frozen=True)
class Rules:
    """The rules of one kind of record, read from what `state_of` and the guards are given."""

    record_name: str  # how a refusal names the record: 「申请」「该信息」「报告」
    state_of: Callable[[Any], str]
    state_label: Callable[[str], str]
    rules: Mapping[str, Rule]

    @classmethod
    def of(cls, *rules: Rule, **options) -> "Rules":
        return cls(rules={rule.name: rule for rule in rules}, **options)

    def __getitem__(self, name: str) -> Rule:
        try:
            return self.rules[name]
        except KeyError:
            raise Refused(f"未知的操作：{name}") from None

    def refusal(self, name: str, subject) -> str | None:
        """Why the transition cannot happen now, whoever asks; None when it can."""
        rule = self[name]
        state = self.state_of(subject)
        if rule.sources and state not in rule.sources:
            allowed = "、".join(f"“{self.state_label(s)}”" for s in sorted(rule.sources))
            return (
                f"{self.record_name}当前状态为“{self.state_label(state)}”，"
                f"不能{rule.label}（须为{allowed}）"
            )
        return rule.guard(subject) if rule.guard else None

    def require(self, name: str, subject) -> None:
        """Raise `Refused` with the reason, if the transition cannot happen now."""
        reason = self.refusal(name, subject)
        if reason:
            raise Refused(reason)


@dataclass(frozen=True)
class Transition:
    """A rule with who may carry it out, its input and the service that does it."""

    name: str
    run: Callable[[Any, dict, Any], Any]  # (record, cleaned input, user) -> result
    # The access action it needs on the record's agency, or a function of the record giving it
    # (the step a review waits for decides who signs).
    action: str | Callable[[Any], str]
    form: type[forms.Form] | None = None
    # What the workbench says afterwards, or a function of the result saying it;
    # 「已<label>。」 by default.
    done: str | Callable[[Any], str] = ""
    # Why a user without the right is turned away, as a function of the record; by default
    # 「您没有<label>的权限」.
    denied: Callable[[Any], str] | None = None


@dataclass(frozen=True)
class Workflow:
    """The transitions of one kind of record, over its rules."""

    rules: Rules
    transitions: Mapping[str, Transition]
    agency_of: Callable[[Any], Any]
    can: Callable[[Any, str, Any], bool]  # (user, action, agency): the access table's answer
    read: Callable[[Any], Any] = field(default=lambda record: record)  # what the rules read
    form_kwargs: Callable[[Transition, Any], dict] = field(default=lambda transition, record: {})

    @classmethod
    def of(cls, rules: Rules, *transitions: Transition, **options) -> "Workflow":
        missing = {t.name for t in transitions} ^ set(rules.rules)
        if missing:
            raise ValueError(f"transitions and rules differ: {sorted(missing)}")
        return cls(rules=rules, transitions={t.name: t for t in transitions}, **options)

    def __getitem__(self, name: str) -> Transition:
        self.rules[name]  # the same refusal for an unknown name
        return self.transitions[name]

    def label(self, name: str) -> str:
        return self.rules[name].label

    def message(self, name: str, result=None) -> str:
        done = self[name].done
        if callable(done):
            return done(result)
        return done or f"已{self.label(name)}。"

    def action(self, name: str, record) -> str:
        action = self[name].action
        return action(record) if callable(action) else action

    def allowed(self, name: str, user, record) -> bool:
        return self.can(user, self.action(name, record), self.agency_of(record))

    def available(self, record, user, subject=None) -> list[str]:
        """The names of what the user can do to the record now, in the table's order.

        `subject` is what the rules read, when the caller has it already (a case's replayed
        ledger, say); otherwise it is read here.
        """
        subject = self.read(record) if subject is None else subject
        return [
            name
            for name in self.transitions
            if self.allowed(name, user, record) and self.rules.refusal(name, subject) is None
        ]

    def form(self, name: str, record, data=None, files=None, prefix=None):
        """The transition's input form (unbound without `data`), or None when it takes none."""
        transition = self[name]
        if transition.form is None:
            return None
        kwargs = self.form_kwargs(transition, record)
        return transition.form(data=data, files=files, prefix=prefix, **kwargs)

    def perform(self, record, name: str, data: Mapping | None, *, user, files=None, prefix=None):
        """Carry out one transition: access, then the input, then the service.

        Raises PermissionDenied, `InvalidInput` (the form said no) or `Refused` (the rules or
        the service did); nothing is changed then.
        """
        transition = self[name]
        if not self.allowed(name, user, record):
            denied = transition.denied(record) if transition.denied else ""
            raise PermissionDenied(denied or f"您没有执行此操作的权限（{self.label(name)}）")
        cleaned: dict = {}
        if transition.form is not None:
            form = self.form(name, record, data=data or {}, files=files, prefix=prefix)
            if not form.is_valid():
                raise InvalidInput(form)
            cleaned = form.cleaned_data
        with correlation.one_action(), transaction.atomic():
            return transition.run(record, cleaned, user)
