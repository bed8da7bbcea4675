"""依申请公开: disclosure applications, their statutory clock, outcomes and fees."""
