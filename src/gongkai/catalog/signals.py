"""What other areas (search, feeds, push to other platforms) subscribe to.

`item_published` is sent with `item` and `version` when a version becomes the public one;
`item_withdrawn` with `item` and `version` when the public version is taken down (撤回). Both are
sent inside the database transaction of the transition, before it commits, so a receiver that
writes rows (an index outbox, say) commits or rolls back together with the publication.

`items_published` is sent once with `agency` and `published`, a list of (item, version), when
many new items of one agency become public at once (a legacy catalog migrated by the bulk
import), in the same transaction; its receivers do in one step what `item_published`'s do for
each.

`guide_changed` is sent with `agency`, inside the saving transaction, when the agency's
政府信息公开指南 prose is saved.
"""

from django.dispatch import Signal

item_published = Signal()
item_withdrawn = Signal()
items_published = Signal()
guide_changed = Signal()
