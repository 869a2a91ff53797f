package org.qingyuan.rectification;

import java.util.List;

import org.qingyuan.policy.Clearance;
import org.qingyuan.policy.DeadlineKind;
import org.qingyuan.policy.Escalation;
import org.qingyuan.policy.MeasureKind;

/**
 * A policy's escalation (C5) kept with the case, so the daily sweep applies it without the classification at hand.
 *
 * @param after the deadline whose passing triggers it; rules without one (triggered by an event) are shown, not swept
 * @param becomes the measure it turns into, or null when the same measure is enforced harder (e.g. 约谈)
 */
public record EscalationRule(DeadlineKind after, String trigger, MeasureKind becomes, String action, List<Clearance> clearances) {

    public EscalationRule {
        clearances = clearances == null ? List.of() : List.copyOf(clearances);
    }

    public static EscalationRule of(Escalation e) {
        return new EscalationRule(e.after(), e.trigger(), e.becomes(), e.action(), e.clearances());
    }

    /** Identifies the rule among a case's rules, to apply it once. */
    public String key() {
        return (after == null ? "EVENT" : after.name()) + ":" + (becomes == null ? "SAME" : becomes.name()) + ":" + trigger;
    }
}
