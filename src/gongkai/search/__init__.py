"""Full-text search of the catalog: Chinese text folding, index backends, queries, the page."""
