package org.qingyuan.gatekeeping.internal;

import java.util.List;

import org.qingyuan.gatekeeping.RedLineArea;
import org.qingyuan.gatekeeping.RedLineAreas;
import org.qingyuan.shared.DivisionCode;
import org.springframework.stereotype.Component;

/** The red-line areas the lookup applies, read for other modules. */
@Component
class ApplicableRedLines implements RedLineAreas {

    private final RedLineStore store;

    ApplicableRedLines(RedLineStore store) {
        this.store = store;
    }

    @Override
    public List<RedLineArea> applicable(DivisionCode division) {
        return store.applicable(division);
    }
}
