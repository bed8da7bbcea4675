"""栏目: the columns of an agency's website, what feeds each, and whether it is kept up."""
