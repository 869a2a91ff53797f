package org.qingyuan.grid.internal;

import org.qingyuan.ledger.EnterpriseEdited;
import org.qingyuan.ledger.EnterpriseRegistered;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Places enterprises in the grids by their coordinates as the ledger registers and moves them. */
@Component
class GridAssigner {

    private final GridService grids;

    GridAssigner(GridService grids) {
        this.grids = grids;
    }

    /** Same transaction: an enterprise registered inside a grid's boundary is in the grid from its first moment. */
    @EventListener
    void on(EnterpriseRegistered event) {
        grids.placeByPosition(event.enterpriseId());
    }

    /** Same transaction: an enterprise moved (coordinates or village) leaves its old grid with the edit. */
    @EventListener
    void on(EnterpriseEdited event) {
        if (event.fields().contains("longitude") || event.fields().contains("latitude") || event.fields().contains("divisionCode")) {
            grids.placeByPosition(event.enterpriseId());
        }
    }
}
