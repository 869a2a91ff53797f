package org.qingyuan.grid.web;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.qingyuan.access.Scope;
import org.qingyuan.grid.Grids;
import org.qingyuan.ledger.EnterpriseFilters;
import org.qingyuan.shared.InvalidInputException;
import org.springframework.stereotype.Component;

/** The ledger list's 网格 filter ({@code grid=<id>}) and each listed enterprise's grid. */
@Component
class GridFilter implements EnterpriseFilters {

    private final Grids grids;

    GridFilter(Grids grids) {
        this.grids = grids;
    }

    @Override
    public String parameter() {
        return "grid";
    }

    @Override
    public String label() {
        return "网格";
    }

    @Override
    public List<Option> options(Scope scope) {
        return grids.list(null, scope).stream().map(g -> new Option(Long.toString(g.id()), g.label())).toList();
    }

    @Override
    public Collection<Long> select(String value, Scope scope) {
        long id;
        try {
            id = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("grid", "参数 grid 应为网格编号");
        }
        return grids.enterprisesIn(id, scope);
    }

    @Override
    public Map<Long, String> labels(Collection<Long> enterpriseIds) {
        Map<Long, String> labels = new HashMap<>();
        grids.ofEnterprises(enterpriseIds).forEach((id, a) -> labels.put(id, a.gridLabel()));
        return labels;
    }
}
