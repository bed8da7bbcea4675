"""督查与考核: indicator systems as data, automatic probes over the platform's own records, the
scores their gates give, and each agency's self-check against the active system."""
