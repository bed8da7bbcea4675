"""政民互动: the public's questions, suggestions, complaints and error reports, per channel."""
