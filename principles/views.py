from django.contrib.auth.mixins import LoginRequiredMixin
from django.views.generic import TemplateView

from .selectors import principle_list


class DashboardView(LoginRequiredMixin, TemplateView):
    template_name = "principles/dashboard.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(principles=principle_list(), **kwargs)
