package org.qingyuan.grid.web;

import java.util.List;

import org.qingyuan.access.Scope;
import org.qingyuan.grid.Grids;
import org.qingyuan.ledger.EnterpriseId;
import org.qingyuan.ledger.EnterpriseLinks;
import org.springframework.stereotype.Component;

/** The enterprise page's line naming its grid (网格), and how it came there. */
@Component
class GridLinks implements EnterpriseLinks {

    private final Grids grids;

    GridLinks(Grids grids) {
        this.grids = grids;
    }

    @Override
    public List<EnterpriseLink> linksFor(EnterpriseId id, Scope scope) {
        return grids.ofEnterprise(id.value())
                .map(a -> new EnterpriseLink("网格：" + a.gridLabel(), "/grids/" + a.gridId(), a.assignedBy().label(), false))
                .stream().toList();
    }
}
