package org.qingyuan.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.qingyuan.ledger.internal.EnterpriseFields;
import org.qingyuan.shared.ConflictException;
import org.qingyuan.shared.InvalidInputException;

/**
 * One enterprise of the ledger: its details, whether it is still in the ledger and its version.
 * Every command guards its rules (a withdrawn enterprise does not change, an edit names the version it
 * started from, a merge joins two active records), adds a version to the history ({@link #revisions()})
 * and collects the events to publish ({@link #events()}); the ledger service stores and audits both.
 */
public final class Enterprise {

    /**
     * @param reason the reason code
     * @param note what the user wrote
     */
    public record Withdrawal(WithdrawalReason reason, String note, Instant at, String by) {
    }

    /** Who acts and when: stamped on the row and on each version. */
    public record Stamp(Instant at, String username, String displayName) {
    }

    /** A version added by a command, to be written to the history. */
    public record Revision(int version, VersionAction action, String reason, List<FieldChange> changes, Stamp stamp) {
    }

    /** An edit that started from another version than the current one. */
    public static final class StaleVersion extends RuntimeException {

        private final int current;
        private final int edited;

        StaleVersion(int current, int edited) {
            super("version " + edited + " is not the current version " + current);
            this.current = current;
            this.edited = edited;
        }

        public int current() {
            return current;
        }

        public int edited() {
            return edited;
        }
    }

    private final EnterpriseId id;
    private EnterpriseDetails details;
    private boolean creditCodeLegacy;
    private EnterpriseStatus status;
    private Withdrawal withdrawal;
    private EnterpriseId mergedInto;
    private int version;
    private final Instant createdAt;
    private final String createdBy;
    private Instant updatedAt;
    private String updatedBy;
    private final List<Revision> revisions = new ArrayList<>();
    private final List<Object> events = new ArrayList<>();

    /**
     * @param creditCodeLegacy true when the credit code fails the GB 32100 check but was accepted as an early-pilot code
     * @param withdrawal why and when it left the ledger, or null while active
     * @param mergedInto the enterprise this one was merged into, or null
     */
    public Enterprise(EnterpriseId id, EnterpriseDetails details, boolean creditCodeLegacy, EnterpriseStatus status,
                      Withdrawal withdrawal, EnterpriseId mergedInto, int version, Instant createdAt, String createdBy,
                      Instant updatedAt, String updatedBy) {
        this.id = id;
        this.details = details;
        this.creditCodeLegacy = creditCodeLegacy;
        this.status = status;
        this.withdrawal = withdrawal;
        this.mergedInto = mergedInto;
        this.version = version;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        this.updatedAt = updatedAt;
        this.updatedBy = updatedBy;
    }

    /** A new entry in the ledger, at version 1; {@code details} have passed the ledger's checks. */
    public static Enterprise register(EnterpriseId id, EnterpriseDetails details, boolean creditCodeLegacy, String reason,
                                      Function<String, String> factLabel, Stamp stamp) {
        Enterprise e = new Enterprise(id, details, creditCodeLegacy, EnterpriseStatus.ACTIVE, null, null, 1, stamp.at(),
                stamp.username(), stamp.at(), stamp.username());
        e.revisions.add(new Revision(1, VersionAction.REGISTERED, reason, EnterpriseFields.diff(null, details, factLabel), stamp));
        EnterpriseDetails.Business b = details.business();
        e.events.add(new EnterpriseRegistered(id.value(), details.division().value(), details.campaign().type(), b.industry(),
                b.isKeyIndustry(), b.isEightSmall(), details.facts().asBooleans()));
        return e;
    }

    /** Refuses any change of a withdrawn enterprise, and a change that started from another version (when given). */
    public void requireChangeable(Integer editedVersion) {
        if (!active()) {
            throw new ConflictException("该企业已撤销（" + withdrawal.reason().label() + "），不能再修改");
        }
        if (editedVersion != null && version != editedVersion) {
            throw new StaleVersion(version, editedVersion);
        }
    }

    /**
     * Replaces the details; {@code details} have passed the ledger's checks and {@code reason} is required.
     *
     * @return what changed; nothing happens when nothing changed
     */
    public List<FieldChange> edit(int editedVersion, EnterpriseDetails newDetails, boolean legacy, String reason,
                                  Function<String, String> factLabel, Stamp stamp) {
        requireChangeable(editedVersion);
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "请填写修改原因");
        }
        List<FieldChange> changes = EnterpriseFields.diff(details, newDetails, factLabel);
        if (changes.isEmpty()) {
            return changes;
        }
        details = newDetails;
        creditCodeLegacy = legacy;
        advance(VersionAction.EDITED, reason, changes, stamp);
        collectEdited(changes);
        return changes;
    }

    /** Takes the enterprise out of the ledger; it stays findable with its history. */
    public void withdraw(Integer editedVersion, WithdrawalReason reason, String note, Stamp stamp) {
        if (reason == null) {
            throw new InvalidInputException("reason", "请选择撤销原因（重复登记、不属于整治范围或误录）");
        }
        requireChangeable(editedVersion);
        leave(reason, note, null, VersionAction.WITHDRAWN, stamp);
    }

    /**
     * Takes in {@code duplicate}, another record of the same enterprise: empty fields and unknown facts are filled from
     * it, and it leaves the ledger as merged into this one.
     *
     * @return the changes of this enterprise's fields (the merge itself included)
     */
    public List<FieldChange> absorb(Enterprise duplicate, String why, Function<String, String> factLabel, Stamp stamp) {
        if (id.equals(duplicate.id)) {
            throw new InvalidInputException("duplicateId", "不能把企业与自身合并");
        }
        requireChangeable(null);
        duplicate.requireChangeable(null);
        EnterpriseDetails merged = MergedDetails.fill(details, duplicate.details);
        List<FieldChange> fieldChanges = EnterpriseFields.diff(details, merged, factLabel);
        List<FieldChange> changes = new ArrayList<>(fieldChanges);
        changes.add(new FieldChange("mergedFrom", "合并记录", null, duplicate.id.value()));
        creditCodeLegacy = creditCodeLegacy || (details.identity().creditCode() == null && duplicate.creditCodeLegacy);
        details = merged;
        String note = "与 #" + duplicate.id + "（" + duplicate.details.name() + "）为同一企业，合并" + (why == null ? "" : "：" + why);
        advance(VersionAction.MERGED, note, changes, stamp);
        duplicate.leave(WithdrawalReason.DUPLICATE, "并入 #" + id + (why == null ? "" : "：" + why), id,
                VersionAction.MERGED_AWAY, stamp);
        events.add(new EnterprisesMerged(id.value(), duplicate.id.value(), details.division().value()));
        if (!fieldChanges.isEmpty()) {
            collectEdited(fieldChanges);
        }
        return changes;
    }

    /** Records that this enterprise and {@code other} are different enterprises, in both histories. */
    public void confirmDistinct(Enterprise other, String why, Stamp stamp) {
        if (id.equals(other.id)) {
            throw new InvalidInputException("duplicateId", "请选择另一家企业");
        }
        for (Enterprise e : List.of(this, other)) {
            Enterprise counterpart = e == this ? other : this;
            e.advance(VersionAction.CONFIRMED_DISTINCT, "与 #" + counterpart.id + "（" + counterpart.details.name()
                    + "）不是同一企业" + (why == null ? "" : "：" + why), List.of(), stamp);
        }
    }

    private void leave(WithdrawalReason reason, String note, EnterpriseId into, VersionAction action, Stamp stamp) {
        List<FieldChange> changes = new ArrayList<>();
        changes.add(new FieldChange("status", "状态", "ACTIVE", "WITHDRAWN"));
        if (into != null) {
            changes.add(new FieldChange("mergedInto", "并入", null, into.value()));
        }
        status = EnterpriseStatus.WITHDRAWN;
        withdrawal = new Withdrawal(reason, note, stamp.at(), stamp.username());
        mergedInto = into;
        advance(action, reason.label() + (note == null ? "" : "：" + note), changes, stamp);
        events.add(new EnterpriseWithdrawn(id.value(), details.division().value(), reason));
    }

    private void advance(VersionAction action, String reason, List<FieldChange> changes, Stamp stamp) {
        version++;
        updatedAt = stamp.at();
        updatedBy = stamp.username();
        revisions.add(new Revision(version, action, reason, changes, stamp));
    }

    private void collectEdited(List<FieldChange> changes) {
        Set<String> fields = changes.stream().map(FieldChange::field).collect(Collectors.toCollection(LinkedHashSet::new));
        events.add(new EnterpriseEdited(id.value(), details.division().value(), version, fields));
        Set<String> facts = fields.stream().filter(f -> f.startsWith("facts.")).map(f -> f.substring(6))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (!facts.isEmpty()) {
            events.add(new EnterpriseFactsChanged(id.value(), details.division().value(), details.facts().asBooleans(), facts));
        }
    }

    /** The versions the commands since loading added, oldest first. */
    public List<Revision> revisions() {
        return Collections.unmodifiableList(revisions);
    }

    /** The events the commands since loading collected, in order. */
    public List<Object> events() {
        return Collections.unmodifiableList(events);
    }

    public boolean active() {
        return status == EnterpriseStatus.ACTIVE;
    }

    public EnterpriseId id() {
        return id;
    }

    public EnterpriseDetails details() {
        return details;
    }

    public boolean creditCodeLegacy() {
        return creditCodeLegacy;
    }

    public EnterpriseStatus status() {
        return status;
    }

    public Withdrawal withdrawal() {
        return withdrawal;
    }

    public EnterpriseId mergedInto() {
        return mergedInto;
    }

    public int version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public String updatedBy() {
        return updatedBy;
    }
}
