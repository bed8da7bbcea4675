"""The workbench's copy of a file given to an applicant with a reply."""

from django.http import Http404
from django.views.generic import DetailView

from gongkai.catalog.serving import file_response
from gongkai.web.scoping import ScopedMixin

from .models import ReplyFile


class ReplyFileView(ScopedMixin, DetailView):
    model = ReplyFile
    action = "case.view"

    def get(self, request, *args, **kwargs):
        reply = self.get_object()
        if not reply.file:
            raise Http404("该材料引用的是已公开信息，没有上传的文件。")
        return file_response(reply.file.open("rb"), kind=reply.kind, filename=reply.name)
