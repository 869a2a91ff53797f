package org.qingyuan.grid.internal;

import java.util.HashMap;
import java.util.Map;

import org.qingyuan.ledger.EnterpriseEdited;
import org.qingyuan.ledger.EnterpriseRegistered;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

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
        if (division != null && bounded(division.length() >= 12 ? division.substring(0, 12) : division)) {
            grids.placeByPosition(event.enterpriseId());
        }
    }

    /**
     * Whether the village has a bounded grid, asked once per village and transaction: an import of 100,000 rows asked
     * it once per row, 5–15 s of its 22–33 s (docs/benchmarks.md). Outside a transaction it is asked each time.
     */
    private boolean bounded(String village) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return store.anyBoundedIn(village);
        }
        @SuppressWarnings("unchecked")
        Map<String, Boolean> asked = (Map<String, Boolean>) TransactionSynchronizationManager.getResource(this);
        if (asked == null) {
            Map<String, Boolean> fresh = new HashMap<>();
            TransactionSynchronizationManager.bindResource(this, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(GridAssigner.this);
                }
            });
            asked = fresh;
        }
        return asked.computeIfAbsent(village, store::anyBoundedIn);
    }

    /** Same transaction: an enterprise moved (coordinates or village) leaves its old grid with the edit. */
    @EventListener
    void on(EnterpriseEdited event) {
        if (event.fields().contains("longitude") || event.fields().contains("latitude") || event.fields().contains("divisionCode")) {
            grids.placeByPosition(event.enterpriseId());
        }
    }
}
