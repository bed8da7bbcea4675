"""Staff workbench pages. Each one is thin: scope through access, call a service, render."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.views.generic import (
    CreateView,
    DetailView,
    FormView,
    ListView,
    TemplateView,
    UpdateView,
)
from django_htmx.http import push_url

from gongkai.agencies import access, reading_rooms, services
from gongkai.agencies.models import Agency, InternalUnit, Membership, ReadingRoom
from gongkai.core.models import AuditEvent
from gongkai.lib.errors import Refused
from gongkai.web import params
from gongkai.web.scoping import AgencyInUrlMixin, CsvExportMixin, ScopedMixin, StaffMixin
from gongkai.web.transitions import show_refusal

from . import audit_display, inbox
from .forms import (
    AgencyForm,
    AuditFilterForm,
    DeliveryForm,
    InternalUnitForm,
    ReadingRoomForm,
    StaffCreateForm,
    StaffRolesForm,
    VisitForm,
)
from .menu import menu_for

User = get_user_model()


class HomeView(StaffMixin, TemplateView):
    template_name = "workbench/home.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        agencies = access.agencies_for(user, "agency.view")
        memberships = Membership.objects.filter(user=user).select_related("agency", "unit")
        entries = inbox.inbox_for(user, timezone.localdate())
        tiles = inbox.tile_counts(entries)
        return super().get_context_data(
            memberships=memberships,
            inbox=inbox.by_area(entries),
            menu=[(entry, tiles.get(entry.url_name)) for entry in menu_for(user)],
            agency_count=agencies.count(),
            staff_count=access.scope(User.objects.all(), user, "staff.view").count(),
            **kwargs,
        )


# ---- agencies ---------------------------------------------------------------------------


class AgencyListView(ScopedMixin, ListView):
    model = Agency
    action = "agency.view"
    template_name = "workbench/agency_list.html"
    paginate_by = 100

    def get_queryset(self):
        qs = (
            super()
            .get_queryset()
            .annotate(staff_total=Count("staff", distinct=True))
            .order_by("path")
        )
        q = self.request.GET.get("q", "").strip()
        if q:
            qs = qs.filter(Q(name__contains=q) | Q(short_name__contains=q) | Q(credit_code=q))
        if parent := params.object_id(self.request.GET, "parent"):
            qs = qs.filter(parent_id=parent)
        return qs

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if request.htmx:
            # Keep the search in the address bar: bookmarkable, and Back works.
            push_url(response, request.get_full_path())
        return response


class AgencyExportView(CsvExportMixin):
    queryset = Agency.objects.select_related("parent")
    action = "agency.view"
    export_filename = "agencies.csv"
    export_columns = [
        ("全称", "name"),
        ("简称", "short_name"),
        ("统一社会信用代码", "credit_code"),
        ("类别", "get_kind_display"),
        ("层级", "get_level_display"),
        ("上级机关", "parent.name"),
        ("办公地址", "address"),
        ("联系电话", "phone"),
        ("政府信息公开工作机构", "disclosure_office"),
        ("负责人", "disclosure_office_head"),
    ]


class AgencyDetailView(ScopedMixin, DetailView):
    model = Agency
    action = "agency.view"
    template_name = "workbench/agency_detail.html"

    def get_context_data(self, **kwargs):
        agency, user = self.object, self.request.user
        return super().get_context_data(
            units=agency.units.all(),
            reading_rooms=agency.reading_rooms.all(),
            children=access.scope(agency.children.all(), user, "agency.view"),
            can_change=access.can(user, "agency.change", agency),
            can_add_child=access.can(user, "agency.add_child", agency),
            can_change_units=access.can(user, "unit.change", agency),
            can_view_staff=access.can(user, "staff.view", agency),
            **kwargs,
        )


class AgencyUpdateView(ScopedMixin, UpdateView):
    model = Agency
    action = "agency.change"
    form_class = AgencyForm
    template_name = "workbench/form.html"

    def form_valid(self, form):
        messages.success(self.request, f"已保存“{form.instance.name}”的信息。")
        return super().form_valid(form)

    def get_success_url(self):
        return reverse("workbench:agency_detail", args=[self.object.pk])


class AgencyCreateView(AgencyInUrlMixin, CreateView):
    """Add a subordinate agency (e.g. a department) under one the user administers."""

    model = Agency
    action = "agency.add_child"
    form_class = AgencyForm
    template_name = "workbench/form.html"

    def form_valid(self, form):
        form.instance.parent = self.agency
        messages.success(self.request, f"已在“{self.agency.name}”下新增“{form.instance.name}”。")
        return super().form_valid(form)

    def get_success_url(self):
        return reverse("workbench:agency_detail", args=[self.object.pk])


# ---- internal units and reading rooms ---------------------------------------------------


class _AgencyChildFormMixin:
    """Create/edit a record that belongs to one agency, then go back to that agency."""

    template_name = "workbench/form.html"

    def get_form_kwargs(self):
        agency = getattr(self, "agency", None) or self.get_object().agency
        return super().get_form_kwargs() | {"agency": agency}

    def get_success_url(self):
        messages.success(self.request, "已保存。")
        return reverse("workbench:agency_detail", args=[self.object.agency_id])


class UnitCreateView(_AgencyChildFormMixin, AgencyInUrlMixin, CreateView):
    model = InternalUnit
    action = "unit.change"
    form_class = InternalUnitForm


class UnitUpdateView(_AgencyChildFormMixin, ScopedMixin, UpdateView):
    model = InternalUnit
    action = "unit.change"
    form_class = InternalUnitForm


class ReadingRoomCreateView(_AgencyChildFormMixin, AgencyInUrlMixin, CreateView):
    model = ReadingRoom
    action = "reading_room.change"
    form_class = ReadingRoomForm


class ReadingRoomUpdateView(_AgencyChildFormMixin, ScopedMixin, UpdateView):
    model = ReadingRoom
    action = "reading_room.change"
    form_class = ReadingRoomForm


class ReadingRoomDetailView(ScopedMixin, DetailView):
    """A reading room's register, its visits of a year (`?year=`) and the material handed
    over to it."""

    model = ReadingRoom
    action = "reading_room.view"
    template_name = "workbench/reading_room_detail.html"

    def get_context_data(self, **kwargs):
        room, user = self.object, self.request.user
        today = timezone.localdate()
        year = params.integer(self.request.GET.get("year"), minimum=2000, maximum=today.year)
        year = year or today.year
        visits = list(room.visits.filter(day__year=year).order_by("-day"))
        return super().get_context_data(
            year=year,
            years=range(today.year, today.year - 5, -1),
            visits=visits,
            visit_total=sum(v.count for v in visits),
            deliveries=room.deliveries.all(),
            can_log=access.can(user, "reading_room.log", room.agency),
            can_change=access.can(user, "reading_room.change", room.agency),
            **kwargs,
        )


class _ReadingRoomRecordView(ScopedMixin, FormView):
    """A form recording something at one reading room, then back to the room's page."""

    model = ReadingRoom
    action = "reading_room.log"
    template_name = "workbench/form.html"
    heading = ""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            rooms = access.scope(
                ReadingRoom.objects.select_related("agency"), request.user, self.action
            )
            self.room = get_object_or_404(rooms, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(title=f"{self.room.name}：{self.heading}", **kwargs)

    def form_valid(self, form):
        try:
            self.record(form.cleaned_data)
        except Refused as refused:
            show_refusal(form, refused)
            return self.form_invalid(form)
        messages.success(self.request, "已登记。")
        return redirect("workbench:reading_room_detail", pk=self.room.pk)


class ReadingRoomVisitView(_ReadingRoomRecordView):
    form_class = VisitForm
    heading = "登记到访人次"

    def get_initial(self):
        return {"day": timezone.localdate()}

    def record(self, data) -> None:
        reading_rooms.log_visits(
            self.room, day=data["day"], count=data["count"], user=self.request.user
        )


class ReadingRoomDeliveryView(_ReadingRoomRecordView):
    form_class = DeliveryForm
    heading = "登记资料交接"

    def get_initial(self):
        return {"delivered_on": timezone.localdate(), "delivered_by": self.request.user.full_name}

    def record(self, data) -> None:
        reading_rooms.record_delivery(self.room, user=self.request.user, **data)


# ---- staff ------------------------------------------------------------------------------


class StaffListView(ScopedMixin, ListView):
    model = User
    action = "staff.view"
    template_name = "workbench/staff_list.html"
    paginate_by = 100

    def get_queryset(self):
        qs = super().get_queryset().select_related("agency").prefetch_related("memberships__agency")
        if agency := params.object_id(self.request.GET, "agency"):
            qs = qs.filter(agency_id=agency)
        return qs.order_by("agency__path", "username")

    def get_context_data(self, **kwargs):
        user = self.request.user
        context = super().get_context_data(
            addable_agencies=access.agencies_for(user, "staff.change"), **kwargs
        )
        # Only the people this user may manage get an edit link.
        context["manageable"] = {p.pk for p in context["object_list"] if access.may_manage(user, p)}
        return context


class StaffExportView(CsvExportMixin):
    queryset = User.objects.select_related("agency").prefetch_related("memberships")
    action = "staff.view"
    export_filename = "staff.csv"
    export_columns = [
        ("登录名", "username"),
        ("姓名", "full_name"),
        ("手机号码", "phone"),
        ("所在机关", "agency.name"),
        ("角色", lambda u: "、".join(m.get_role_display() for m in u.memberships.all())),
        ("在用", lambda u: "是" if u.is_active else "否"),
    ]


class StaffCreateView(AgencyInUrlMixin, FormView):
    action = "staff.change"
    form_class = StaffCreateForm
    template_name = "workbench/form.html"

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {
            "agency": self.agency,
            "grantable": access.grantable_roles(self.request.user, self.agency),
        }

    def form_valid(self, form):
        data = form.cleaned_data
        user = services.create_staff(
            agency=self.agency,
            username=data["username"],
            full_name=data["full_name"],
            phone=data["phone"],
            password=data["password"],
            roles=data["roles"],
            unit=data["unit"],
        )
        messages.success(self.request, f"已新增人员“{user.full_name}”。")
        return redirect("workbench:staff_list")


class StaffUpdateView(ScopedMixin, FormView):
    """Edit a staff member's name, roles at their agency, unit and whether the account is on."""

    model = User
    action = "staff.change"
    form_class = StaffRolesForm
    template_name = "workbench/form.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.staff = get_object_or_404(self.get_queryset(), pk=kwargs["pk"])
            access.require_manage(request.user, self.staff)
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return access.scope(User.objects.select_related("agency"), self.request.user, self.action)

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {
            "agency": self.staff.agency,
            "grantable": access.grantable_roles(self.request.user, self.staff.agency),
        }

    def get_initial(self):
        held = Membership.objects.filter(user=self.staff, agency=self.staff.agency)
        return {
            "full_name": self.staff.full_name,
            "phone": self.staff.phone,
            "roles": [m.role for m in held],
            "unit": services.staff_unit(self.staff),
            "is_active": self.staff.is_active,
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(title=f"编辑人员：{self.staff}", **kwargs)

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            services.update_staff(
                self.staff,
                by=self.request.user,
                full_name=data["full_name"],
                phone=data["phone"],
                roles=data["roles"],
                unit=data["unit"],
                is_active=data["is_active"],
            )
        except Refused as refused:
            show_refusal(form, refused)
            return self.form_invalid(form)
        messages.success(self.request, f"已保存人员“{self.staff}”。")
        return redirect("workbench:staff_list")


# ---- audit trail ------------------------------------------------------------------------


class AuditFilterMixin(ScopedMixin):
    """The audit rows in the user's scope, narrowed by the filter form in the query string."""

    model = AuditEvent
    action = "audit.view"

    def get_queryset(self):
        qs = super().get_queryset().select_related("agency")
        self.filter_form = AuditFilterForm(self.request.GET or None)
        if self.filter_form.is_valid():
            data = self.filter_form.cleaned_data
            if data["record_type"]:
                qs = qs.filter(record_type__contains=data["record_type"])
            if data["action"]:
                qs = qs.filter(action=data["action"])
            if data["actor"]:
                qs = qs.filter(actor_label__contains=data["actor"])
            if data["correlation"]:
                qs = qs.filter(correlation_id=data["correlation"])
        elif self.filter_form.is_bound:
            # A filter that cannot be read shows its error and no rows, not every row.
            qs = qs.none()
        return qs


class AuditLogView(AuditFilterMixin, ListView):
    template_name = "workbench/audit_list.html"
    paginate_by = 50

    def get_context_data(self, **kwargs):
        context = super().get_context_data(filter_form=self.filter_form, **kwargs)
        events = context["object_list"]
        # How many rows in the user's scope each action on this page wrote, for its link.
        action_sizes = dict(
            access.scope(AuditEvent.objects.all(), self.request.user, self.action)
            .filter(correlation_id__in={e.correlation_id for e in events} - {None})
            .order_by()
            .values_list("correlation_id")
            .annotate(rows=Count("pk"))
        )
        context["rows"] = [
            {
                "event": event,
                "record_type": audit_display.record_type_label(event.record_type),
                "action": audit_display.action_label(event.action),
                "changes": audit_display.changes(event.record_type, event.before, event.after),
                "action_size": action_sizes.get(event.correlation_id, 0),
            }
            for event in events
        ]
        context["export_query"] = self.request.GET.urlencode()
        return context


class AuditExportView(AuditFilterMixin, CsvExportMixin):
    """The filtered audit log as CSV, with the correlation id that groups each action's rows."""

    export_filename = "audit.csv"
    export_columns = [
        ("序号", "seq"),
        ("时间", lambda e: timezone.localtime(e.at).strftime("%Y-%m-%d %H:%M:%S")),
        ("操作人", "actor_label"),
        ("机关", "agency.display_name"),
        ("记录类型", lambda e: audit_display.record_type_label(e.record_type)),
        ("记录编号", "record_id"),
        ("记录名称", "record_label"),
        ("操作", lambda e: audit_display.action_label(e.action)),
        (
            "变更",
            lambda e: "；".join(
                f"{field}：{before} → {after}"
                for field, before, after in audit_display.changes(e.record_type, e.before, e.after)
            ),
        ),
        ("操作编号", "correlation_id"),
        ("哈希", "hash"),
    ]
