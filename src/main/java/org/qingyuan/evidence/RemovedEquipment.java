package org.qingyuan.evidence;

import java.time.Instant;

/** One row of the removed-equipment list (拆除设备清单): name, model, quantity and what was done with it. */
public record RemovedEquipment(long id, EvidenceOwner owner, String name, String model, int quantity,
                               EquipmentDisposal disposal, String note, Instant recordedAt, String recordedBy) {
}
