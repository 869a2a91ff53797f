package org.qingyuan.ledger.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.qingyuan.access.Scope;
import org.qingyuan.audit.AuditEvent;
import org.qingyuan.audit.AuditTrail;
import org.qingyuan.evidence.Dossier;
import org.qingyuan.evidence.EvidenceOwner;
import org.qingyuan.ledger.BatchRegistration.DuplicatePolicy;
import org.qingyuan.ledger.BatchRegistration.Outcome;
import org.qingyuan.ledger.BatchRegistration.RowResult;
import org.qingyuan.ledger.Enterprise;
import org.qingyuan.ledger.EnterpriseDetails;
import org.qingyuan.ledger.EnterpriseId;
import org.qingyuan.ledger.EnterpriseQuery;
import org.qingyuan.ledger.EnterpriseSummary;
import org.qingyuan.ledger.internal.EnterpriseVersion;
import org.qingyuan.ledger.FieldChange;
import org.qingyuan.ledger.Ledger;
import org.qingyuan.ledger.PossibleDuplicate;
import org.qingyuan.ledger.Registration;
import org.qingyuan.ledger.WithdrawalReason;
import org.qingyuan.ledger.internal.JdbcHistory.NewPair;
import org.qingyuan.shared.FieldError;
import org.qingyuan.shared.InvalidInputException;
import org.qingyuan.shared.Page;
import org.qingyuan.shared.ValidationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger's commands and queries. Each command loads the enterprise (locked), lets the {@link Enterprise} act, stores
 * what it did and audits it, in one transaction.
 */
@Service
class LedgerService implements Ledger, EnterpriseHistory {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final EnterpriseStore store;
    private final EnterpriseRegistrar registrar;
    private final JdbcEnterprises enterprises;
    private final JdbcHistory history;
    private final EnterpriseValidator validator;
    private final DuplicateFinder duplicates;
    private final HistoryLabels labels;
    private final StaleEdits staleEdits;
    private final Stamps stamps;
    private final ClassificationCommands classifications;
    private final Dossier dossier;
    private final AuditTrail audit;

    LedgerService(EnterpriseStore store, EnterpriseRegistrar registrar, JdbcEnterprises enterprises, JdbcHistory history,
                  EnterpriseValidator validator, DuplicateFinder duplicates, HistoryLabels labels, StaleEdits staleEdits,
                  Stamps stamps, ClassificationCommands classifications, Dossier dossier, AuditTrail audit) {
        this.store = store;
        this.registrar = registrar;
        this.enterprises = enterprises;
        this.history = history;
        this.validator = validator;
        this.duplicates = duplicates;
        this.labels = labels;
        this.staleEdits = staleEdits;
        this.stamps = stamps;
        this.classifications = classifications;
        this.dossier = dossier;
        this.audit = audit;
    }

    @Override
    @Transactional
    public Registration register(EnterpriseDetails details, String reason, Scope scope) {
        RowResult row = registrar.registerAll(List.of(details), DuplicatePolicy.FLAG, reason, scope).rows().get(0);
        if (row.outcome() == Outcome.INVALID) {
            throw new ValidationException(row.errors());
        }
        return new Registration(row.id(), 1, row.warnings(), row.possibleDuplicates());
    }

    @Override
    @Transactional
    public Registration edit(EnterpriseId id, int version, EnterpriseDetails details, String reason, Scope scope) {
        String why = EnterpriseValidator.text(reason);
        Enterprise enterprise = store.lock(id, scope);
        guarded(enterprise, e -> e.requireChangeable(version));
        EnterpriseValidator.Checked checked = validator.check(details, scope, today());
        List<FieldError> errors = new ArrayList<>(checked.errors());
        if (why == null) {
            errors.add(new FieldError("reason", "请填写修改原因"));
        }
        ValidationException.throwIfAny(errors);
        List<PossibleDuplicate> found = duplicates.find(List.of(checked.details()), List.of(id)).get(0);
        EnterpriseDetails before = enterprise.details();
        Enterprise.Stamp stamp = stamps.now();
        List<FieldChange> changes = enterprise.edit(version, checked.details(), checked.creditCodeLegacy(), why, labels::factLabel,
                stamp);
        if (!changes.isEmpty()) {
            store.save(enterprise);
            history.addPairs(found.stream().map(d -> new NewPair(id.value(), d.id().value(),
                    d.reasons().stream().map(Enum::name).toList())).toList(), stamp.at());
            if (!before.division().equals(checked.details().division())) {
                dossier.relocate(EvidenceOwner.enterprise(id.value()), checked.details().division());
            }
            audit.record(new AuditEvent("ENTERPRISE_EDITED", "Enterprise", id.toString(), why, EnterpriseFields.asMap(changes)));
            boolean factsChanged = changes.stream().anyMatch(c -> c.field().startsWith("facts.") || c.field().equals("industry"));
            classifications.classifyNow(List.of(id.value()), (factsChanged ? "事实变更：" : "台账修改：") + why);
        }
        return new Registration(id, enterprise.version(), checked.warnings(), duplicatesSeen(id, scope));
    }

    @Override
    @Transactional
    public void withdraw(EnterpriseId id, Integer version, WithdrawalReason reason, String note, Scope scope) {
        if (reason == null) {
            throw new ValidationException(List.of(new FieldError("reason", "请选择撤销原因（重复登记、不属于整治范围或误录）")));
        }
        Enterprise enterprise = store.lock(id, scope);
        guarded(enterprise, e -> e.withdraw(version, reason, EnterpriseValidator.text(note), stamps.now()));
        store.save(enterprise);
        audit.record(new AuditEvent("ENTERPRISE_WITHDRAWN", "Enterprise", id.toString(), reason.label()
                + (note == null || note.isBlank() ? "" : "：" + note.strip()), Map.of("reason", reason.name())));
    }

    @Override
    @Transactional
    public void merge(EnterpriseId survivorId, EnterpriseId duplicateId, String reason, Scope scope) {
        if (survivorId.equals(duplicateId)) {
            throw new InvalidInputException("duplicateId", "不能把企业与自身合并");
        }
        List<Enterprise> pair = store.lockPair(survivorId, duplicateId, scope);
        Enterprise survivor = pair.get(0);
        Enterprise duplicate = pair.get(1);
        String why = EnterpriseValidator.text(reason);
        Enterprise.Stamp stamp = stamps.now();
        List<FieldChange> changes = survivor.absorb(duplicate, why, labels::factLabel, stamp);
        store.save(duplicate);
        store.save(survivor);
        history.resolvePair(survivorId.value(), duplicateId.value(), "MERGED", why, stamp.at(), stamp.username());
        dossier.transfer(EvidenceOwner.enterprise(duplicateId.value()), EvidenceOwner.enterprise(survivorId.value()),
                survivor.details().division());
        audit.record(new AuditEvent("ENTERPRISES_MERGED", "Enterprise", survivorId.toString(), why,
                Map.of("merged", duplicateId.value(), "changes", EnterpriseFields.asMap(changes))));
        if (changes.stream().anyMatch(c -> !"mergedFrom".equals(c.field()))) {
            classifications.classifyNow(List.of(survivorId.value()), "合并记录：" + survivor.revisions().get(0).reason());
        }
    }

    @Override
    @Transactional
    public void confirmDistinct(EnterpriseId id, EnterpriseId otherId, String reason, Scope scope) {
        if (id.equals(otherId)) {
            throw new InvalidInputException("duplicateId", "请选择另一家企业");
        }
        List<Enterprise> pair = store.lockPair(id, otherId, scope);
        Enterprise lower = id.value() < otherId.value() ? pair.get(0) : pair.get(1);
        Enterprise higher = lower == pair.get(0) ? pair.get(1) : pair.get(0);
        String why = EnterpriseValidator.text(reason);
        Enterprise.Stamp stamp = stamps.now();
        history.resolvePair(lower.id().value(), higher.id().value(), "DISTINCT", why, stamp.at(), stamp.username());
        lower.confirmDistinct(higher, why, stamp);
        store.save(lower);
        store.save(higher);
        audit.record(new AuditEvent("ENTERPRISES_CONFIRMED_DISTINCT", "Enterprise", id.toString(), why,
                Map.of("other", otherId.value())));
    }

    @Override
    public List<FieldError> validate(EnterpriseDetails details, Scope scope) {
        return validator.check(details, scope, today()).errors();
    }

    @Override
    @Transactional(readOnly = true)
    public Enterprise get(EnterpriseId id, Scope scope) {
        return enterprises.find(id.value(), scope).orElseThrow(() -> EnterpriseStore.notFound(id));
    }

    @Override
    @Transactional(readOnly = true)
    public Page<EnterpriseSummary> search(EnterpriseQuery query, Scope scope) {
        if (query.division() != null && !scope.covers(query.division()) && !query.division().contains(scope.division())) {
            throw new InvalidInputException("division", "区划 " + query.division() + " 不在您的辖区 " + scope.division() + " 内");
        }
        return enterprises.search(query, scope);
    }

    @Override
    @Transactional(readOnly = true)
    public List<EnterpriseVersion> history(EnterpriseId id, Scope scope) {
        get(id, scope);
        List<Long> ids = new ArrayList<>();
        ids.add(id.value());
        ids.addAll(enterprises.mergedInto(id.value()));
        return labels.labelled(history.versions(ids, 0));
    }

    @Override
    @Transactional(readOnly = true)
    public List<PossibleDuplicate> openDuplicates(EnterpriseId id, Scope scope) {
        get(id, scope);
        return duplicatesSeen(id, scope);
    }

    /** The open duplicates the scope sees (not those of another grid, for a grid member). */
    private List<PossibleDuplicate> duplicatesSeen(EnterpriseId id, Scope scope) {
        List<PossibleDuplicate> all = history.openDuplicates(id.value(), scope);
        if (!scope.gridLimited() || all.isEmpty()) {
            return all;
        }
        var hidden = enterprises.hidden(scope);
        return all.stream().filter(d -> !hidden.contains(d.id().value())).toList();
    }

    /** Runs a command of the enterprise, answering an edit of an older version with what changed since. */
    private void guarded(Enterprise enterprise, Consumer<Enterprise> command) {
        try {
            command.accept(enterprise);
        } catch (Enterprise.StaleVersion stale) {
            throw staleEdits.conflict(enterprise, stale);
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(stamps.now().at(), CHINA);
    }
}
