"""The one shape of a record's transitions endpoint: GET lists what the user can do now; POST
carries out one transition through the record's workflow, named under `key` with its form's
fields under "fields" (as JSON, or as multipart `fields.<name>` beside uploaded files).
Refusals reach the client through `api.errors`."""

from rest_framework import serializers

from gongkai.lib.workflow import Workflow


def transition_serializer(name: str, workflow: Workflow, key: str, fields_help: str):
    """The request body of a transitions endpoint (the class `name`, as the API document
    names it), its transitions listed from the workflow."""
    return type(
        name,
        (serializers.Serializer,),
        {
            key: serializers.ChoiceField(
                choices=[(name, workflow.label(name)) for name in workflow.transitions]
            ),
            "fields": serializers.DictField(required=False, help_text=fields_help),
        },
    )


def handle(workflow: Workflow, record, request, incoming_class, key: str) -> bool:
    """Carry out the posted transition; True if one was carried out (the record changed)."""
    if request.method != "POST":
        return False
    incoming = incoming_class(data=request.data)
    incoming.is_valid(raise_exception=True)
    data = incoming.validated_data
    workflow.perform(
        record, data[key], data.get("fields", {}), user=request.user, files=request.FILES
    )
    return True


def available(workflow: Workflow, record, user, key: str) -> list[dict]:
    """What the user can do to the record now, as the API lists it."""
    return [{key: name, "label": workflow.label(name)} for name in workflow.available(record, user)]
