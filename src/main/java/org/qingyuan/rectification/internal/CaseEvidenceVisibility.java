package org.qingyuan.rectification.internal;

import org.qingyuan.access.Scope;
import org.qingyuan.evidence.EvidenceOwner;
import org.qingyuan.evidence.EvidenceVisibility;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A case's evidence is hidden where its enterprise is: from a grid member of another grid. */
@Component
class CaseEvidenceVisibility implements EvidenceVisibility {

    private final CaseStore store;
    private final JdbcClient jdbc;

    CaseEvidenceVisibility(CaseStore store, JdbcClient jdbc) {
        this.store = store;
        this.jdbc = jdbc;
    }

    @Override
    public boolean hides(EvidenceOwner owner, Scope scope) {
        if (!scope.gridLimited() || !CaseService.OWNER_TYPE.equals(owner.type())) {
            return false;
        }
        var params = new MapSqlParameterSource("id", owner.id());
        String grid = store.gridCondition(scope, params);
        if (grid.isEmpty()) {
            return false;
        }
        return jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM rectification_case c WHERE c.id = :id" + grid + ")")
                .paramSource(params).query(Boolean.class).single();
    }
}
