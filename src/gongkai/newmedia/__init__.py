"""政务新媒体: each agency's accounts on WeChat, Weibo and the like, and whether each is kept up."""
