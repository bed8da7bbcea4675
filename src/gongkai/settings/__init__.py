"""Settings per deployment kind: dev, test and production share base."""
