"""The checks, one module per kind; importing this package registers them all."""

from . import (  # noqa: F401
    bank_card,
    doc_number_format,
    garbled_text,
    id_number,
    incomplete_date,
    leader_name,
    miswritten_word,
    phone_number,
    political_expression,
    script_mix,
    secret_marking,
    spam_injection,
)
