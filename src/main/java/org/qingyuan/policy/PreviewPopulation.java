package org.qingyuan.policy;

import java.util.List;
import java.util.function.Consumer;

import org.qingyuan.shared.DivisionCode;

/**
 * The enterprises an activation preview compares, supplied by the module that keeps them (the
 * ledger implements it; the policy module does not know the ledger). Handed over in batches so
 * that a preview over a whole district keeps its memory flat.
 */
@org.springframework.modulith.NamedInterface("spi")
public interface PreviewPopulation {

    /**
     * Calls {@code consumer} with the active enterprises whose division lies inside {@code within},
     * {@code batchSize} at a time; each input's key is the enterprise's id.
     */
    void forEach(DivisionCode within, int batchSize, Consumer<List<PreviewInput>> consumer);
}
