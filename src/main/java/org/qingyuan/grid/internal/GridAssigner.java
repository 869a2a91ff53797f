package org.qingyuan.grid.internal;

import org.qingyuan.ledger.EnterpriseEdited;
import org.qingyuan.ledger.EnterpriseRegistered;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Places enterprises in the grids by their coordinates as the ledger registers and moves them. */
@Component
class GridAssigner {

    private final GridService grids;
    private final GridStore store;

    GridAssigner(GridService grids, GridStore store) {
        this.grids = grids;
        this.store = store;
    }

    /** Same transaction: an enterprise registered inside a grid's boundary is in the grid from its first moment. */
    @EventListener
    void on(EnterpriseRegistered event) {
        // an import registers thousands: only a village with a bounded grid has anything to place
        String division = event.divisionCode();
        if (division != null && store.anyBoundedIn(division.length() >= 12 ? division.substring(0, 12) : division)) {
            grids.placeByPosition(event.enterpriseId());
        }
    }

    /** Same transaction: an enterprise moved (coordinates or village) leaves its old grid with the edit. */
    @EventListener
    void on(EnterpriseEdited event) {
        if (event.fields().contains("longitude") || event.fields().contains("latitude") || event.fields().contains("divisionCode")) {
            grids.placeByPosition(event.enterpriseId());
        }
    }
}
