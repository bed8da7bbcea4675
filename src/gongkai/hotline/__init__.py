"""12345 热线: the department's side of the city platform's work orders (工单)."""
