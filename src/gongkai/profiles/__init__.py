"""机构概况: each agency's profile — duties, internal units, basic information and leaders —
edited as a draft and published once a reviewer approves it."""
