package org.qingyuan.ledger.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.qingyuan.access.Scope;
import org.qingyuan.ledger.EnterpriseFilters;
import org.qingyuan.ledger.EnterpriseQuery;
import org.springframework.stereotype.Component;

/** The list filters other modules contribute ({@link EnterpriseFilters}, e.g. 网格), applied to the list page and API. */
@Component
class ExternalFilters implements org.qingyuan.ledger.EnterpriseQueryNarrowing {

    private final List<EnterpriseFilters> filters;

    ExternalFilters(List<EnterpriseFilters> filters) {
        this.filters = filters;
    }

    /** One contributed filter as the list page shows it. */
    record Shown(String parameter, String label, List<EnterpriseFilters.Option> options) {
    }

    @Override
    public EnterpriseQuery narrow(EnterpriseQuery query, Map<String, String> params, Scope scope) {
        return apply(query, params, scope);
    }

    /** The query narrowed by every contributed filter the request sets. */
    EnterpriseQuery apply(EnterpriseQuery query, Map<String, String> params, Scope scope) {
        EnterpriseQuery narrowed = query;
        for (EnterpriseFilters f : filters) {
            String value = params.get(f.parameter());
            if (value != null && !value.isBlank()) {
                narrowed = narrowed.only(f.select(value.strip(), scope));
            }
        }
        return narrowed;
    }

    List<Shown> shown(Scope scope) {
        List<Shown> shown = new ArrayList<>();
        filters.forEach(f -> shown.add(new Shown(f.parameter(), f.label(), f.options(scope))));
        return shown;
    }

    /** The labels of the listed enterprises, by id, each module's in turn (e.g. 金河社区 · 第一网格). */
    Map<Long, List<String>> labels(Collection<Long> ids) {
        Map<Long, List<String>> labels = new LinkedHashMap<>();
        for (EnterpriseFilters f : filters) {
            f.labels(ids).forEach((id, label) -> labels.computeIfAbsent(id, k -> new ArrayList<>()).add(f.label() + "：" + label));
        }
        return labels;
    }
}
