"""Annual disclosure reports: official table formats, figures, validators and the importer."""
