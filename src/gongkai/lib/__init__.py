"""Helpers every domain app may use; they import nothing from the apps."""
