"""What other areas (search) subscribe to.

`report_published` is sent with `report` inside the transaction that puts an annual report on
the portal (published, or imported as published), so a receiver that writes rows commits or
rolls back with it. A published report is frozen: no transition takes it down.
"""

from django.dispatch import Signal

report_published = Signal()
