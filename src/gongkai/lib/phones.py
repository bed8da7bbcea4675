"""Comparing phone numbers as people type them («138-0013-8000», «138 0013 8000»)."""


def phone_digits(text: str) -> str:
    """The digits of a phone number, without the separators people put between them."""
    return "".join(ch for ch in text if ch.isdigit())
