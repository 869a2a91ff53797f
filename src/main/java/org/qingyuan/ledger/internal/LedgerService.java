package org.qingyuan.ledger.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.qingyuan.access.CurrentUser;
import org.qingyuan.access.CurrentUsers;
import org.qingyuan.access.Scope;
import org.qingyuan.audit.AuditEvent;
import org.qingyuan.audit.AuditTrail;
import org.qingyuan.evidence.Dossier;
import org.qingyuan.evidence.EvidenceOwner;
import org.qingyuan.ledger.BatchRegistration;
import org.qingyuan.ledger.Enterprise;
import org.qingyuan.ledger.DeclaredFact;
import org.qingyuan.ledger.DeclaredFacts;
import org.qingyuan.ledger.EnterpriseDetails;
import org.qingyuan.ledger.EnterpriseEdited;
import org.qingyuan.ledger.EnterpriseFactsChanged;
import org.qingyuan.ledger.EnterpriseId;
import org.qingyuan.ledger.EnterpriseNames;
import org.qingyuan.ledger.EnterpriseQuery;
import org.qingyuan.ledger.EnterpriseRegistered;
import org.qingyuan.ledger.EnterpriseSummary;
import org.qingyuan.ledger.EnterpriseVersion;
import org.qingyuan.ledger.EnterpriseWithdrawn;
import org.qingyuan.ledger.EnterprisesMerged;
import org.qingyuan.ledger.FieldChange;
import org.qingyuan.ledger.Ledger;
import org.qingyuan.shared.Page;
import org.qingyuan.ledger.PossibleDuplicate;
import org.qingyuan.ledger.Registration;
import org.qingyuan.ledger.VersionAction;
import org.qingyuan.ledger.WithdrawalReason;
import org.qingyuan.ledger.internal.JdbcHistory.NewPair;
import org.qingyuan.ledger.internal.JdbcHistory.NewVersion;
import org.qingyuan.shared.ConflictException;
import org.qingyuan.shared.FieldError;
import org.qingyuan.shared.InvalidInputException;
import org.qingyuan.shared.NotFoundException;
import org.qingyuan.shared.ValidationException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The ledger's commands and queries: validation, duplicates, versions, audit and events in one transaction each. */
@Service
class LedgerService implements Ledger, BatchRegistration {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final JdbcEnterprises enterprises;
    private final JdbcHistory history;
    private final EnterpriseValidator validator;
    private final DuplicateFinder duplicates;
    private final DivisionNames names;
    private final Dossier dossier;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ClassificationService classifications;
    private final DeclaredFacts declaredFacts;

    LedgerService(JdbcEnterprises enterprises, JdbcHistory history, EnterpriseValidator validator, DuplicateFinder duplicates,
                  DivisionNames names, Dossier dossier, AuditTrail audit, ApplicationEventPublisher events, Clock clock,
                  ClassificationService classifications, DeclaredFacts declaredFacts) {
        this.classifications = classifications;
        this.declaredFacts = declaredFacts;
        this.enterprises = enterprises;
        this.history = history;
        this.validator = validator;
        this.duplicates = duplicates;
        this.names = names;
        this.dossier = dossier;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Who acts: the signed-in user, or the platform itself (demo data, jobs). */
    record Actor(String username, String displayName) {

        static Actor current() {
            CurrentUser user = CurrentUsers.current().orElse(null);
            return user == null ? new Actor("system", "系统") : new Actor(user.username(), user.displayName());
        }
    }

    @Override
    @Transactional
    public Registration register(EnterpriseDetails details, String reason, Scope scope) {
        Result result = registerAll(List.of(details), DuplicatePolicy.FLAG, reason, scope);
        RowResult row = result.rows().get(0);
        if (row.outcome() == Outcome.INVALID) {
            throw new ValidationException(row.errors());
        }
        return new Registration(row.id(), 1, row.warnings(), row.possibleDuplicates());
    }

    @Override
    @Transactional
    public Result registerAll(List<EnterpriseDetails> rows, DuplicatePolicy policy, String reason, Scope scope) {
        return register(rows, i -> reason, policy, scope, true);
    }

    @Override
    @Transactional
    public void refreshStatistics() {
        enterprises.analyze();
    }

    @Override
    @Transactional
    public Result registerImported(List<SourcedRow> rows, DuplicatePolicy policy, Scope scope) {
        return register(rows.stream().map(SourcedRow::details).toList(), i -> rows.get(i).source(), policy, scope, false);
    }

    private Result register(List<EnterpriseDetails> rows, java.util.function.IntFunction<String> reasons, DuplicatePolicy policy,
                            Scope scope, boolean audited) {
        String reason = rows.isEmpty() ? null : reasons.apply(0);
        Instant now = now();
        LocalDate today = LocalDate.ofInstant(now, CHINA);
        Actor actor = Actor.current();
        List<EnterpriseValidator.Checked> checked = rows.stream().map(r -> validator.check(r, scope, today)).toList();
        List<Integer> validRows = new ArrayList<>();
        for (int i = 0; i < checked.size(); i++) {
            if (checked.get(i).valid()) {
                validRows.add(i);
            }
        }
        List<EnterpriseDetails> valid = validRows.stream().map(i -> checked.get(i).details()).toList();
        // the comparison keys, computed once: for the duplicate search and to be stored
        List<DuplicateFinder.Keys> keys = valid.stream().map(duplicates::keys).toList();
        List<List<PossibleDuplicate>> found = valid.isEmpty() ? List.of()
                : duplicates.findByKeys(keys, Collections.nCopies(valid.size(), null));

        RowResult[] results = new RowResult[rows.size()];
        for (int i = 0; i < checked.size(); i++) {
            if (!checked.get(i).valid()) {
                results[i] = new RowResult(i, Outcome.INVALID, null, checked.get(i).errors(), checked.get(i).warnings(), List.of());
            }
        }
        List<Integer> toInsert = new ArrayList<>();
        for (int v = 0; v < valid.size(); v++) {
            int row = validRows.get(v);
            if (policy == DuplicatePolicy.SKIP && !found.get(v).isEmpty()) {
                results[row] = new RowResult(row, Outcome.SKIPPED_DUPLICATE, null, List.of(), checked.get(row).warnings(),
                        batchRowsToSubmitted(found.get(v), validRows));
            } else {
                toInsert.add(v);
            }
        }
        if (!toInsert.isEmpty()) {
            List<Long> ids = enterprises.nextIds(toInsert.size());
            Map<Integer, Long> idOfValid = new LinkedHashMap<>();
            List<StoredEnterprise> stored = new ArrayList<>();
            List<NewVersion> versions = new ArrayList<>();
            List<NewPair> pairs = new ArrayList<>();
            for (int k = 0; k < toInsert.size(); k++) {
                idOfValid.put(toInsert.get(k), ids.get(k));
            }
            for (int k = 0; k < toInsert.size(); k++) {
                int v = toInsert.get(k);
                int row = validRows.get(v);
                long id = ids.get(k);
                EnterpriseValidator.Checked c = checked.get(row);
                DuplicateFinder.Keys rowKeys = keys.get(v);
                stored.add(new StoredEnterprise(id, c.details(), c.creditCodeLegacy(), rowKeys.nameKey(), rowKeys.addressKey()));
                versions.add(new NewVersion(id, 1, VersionAction.REGISTERED, reasons.apply(row),
                        EnterpriseFields.diff(null, c.details(), this::factLabel)));
                List<PossibleDuplicate> dups = new ArrayList<>();
                for (PossibleDuplicate d : found.get(v)) {
                    Long other = d.id() != null ? Long.valueOf(d.id().value()) : idOfValid.get(d.batchRow());
                    if (other != null) {
                        pairs.add(new NewPair(id, other, d.reasons().stream().map(Enum::name).toList()));
                        dups.add(new PossibleDuplicate(new EnterpriseId(other), d.id() == null ? validRows.get(d.batchRow()) : -1,
                                d.name(), d.division(), d.address(), d.reasons()));
                    }
                }
                results[row] = new RowResult(row, Outcome.REGISTERED, new EnterpriseId(id), List.of(), c.warnings(), dups);
            }
            enterprises.insertAll(stored, now, actor.username());
            history.addVersions(versions, now, actor.username(), actor.displayName());
            history.addPairs(pairs, now);
            for (StoredEnterprise s : stored) {
                EnterpriseDetails d = s.details();
                events.publishEvent(new EnterpriseRegistered(s.id(), d.division().value(), d.campaign().type(),
                        d.business().industry(), d.business().isKeyIndustry(), d.business().isEightSmall(),
                        d.facts().asBooleans()));
            }
            if (audited) {
                // classified at once; an import's rows are left stale for the background worker (ClassificationWorker)
                classifications.classifyNow(stored.stream().map(StoredEnterprise::id).toList(), "登记");
            }
            if (!audited) {
                // the importer audits the import as a whole
            } else if (stored.size() == 1) {
                StoredEnterprise s = stored.get(0);
                audit.record(new AuditEvent("ENTERPRISE_REGISTERED", "Enterprise", Long.toString(s.id()), reason,
                        Map.of("name", s.details().name(), "divisionCode", s.details().division().value(),
                                "possibleDuplicates", pairs.stream().map(p -> p.b()).toList())));
            } else {
                audit.record(new AuditEvent("ENTERPRISES_REGISTERED", "Enterprise", null, reason,
                        Map.of("count", stored.size(), "ids", stored.stream().map(StoredEnterprise::id).toList(),
                                "possibleDuplicatePairs", pairs.size())));
            }
        }
        return new Result(List.of(results));
    }

    private static List<PossibleDuplicate> batchRowsToSubmitted(List<PossibleDuplicate> found, List<Integer> validRows) {
        return found.stream().map(d -> d.id() != null ? d
                : new PossibleDuplicate(null, validRows.get(d.batchRow()), d.name(), d.division(), d.address(), d.reasons())).toList();
    }

    private StoredEnterprise stored(long id, EnterpriseValidator.Checked c) {
        EnterpriseDetails d = c.details();
        List<String> path = names.path(d.division());
        return new StoredEnterprise(id, d, c.creditCodeLegacy(), EnterpriseNames.nameKey(d.name(), path),
                EnterpriseNames.addressKey(d.place().address(), path));
    }

    @Override
    @Transactional
    public Registration edit(EnterpriseId id, int version, EnterpriseDetails details, String reason, Scope scope) {
        String why = EnterpriseValidator.text(reason);
        Enterprise current = enterprises.lock(id.value(), scope).orElseThrow(() -> notFound(id));
        requireActive(current);
        if (current.version() != version) {
            throw stale(current, version);
        }
        LocalDate today = LocalDate.now(clock.withZone(CHINA));
        EnterpriseValidator.Checked checked = validator.check(details, scope, today);
        List<FieldError> errors = new ArrayList<>(checked.errors());
        if (why == null) {
            errors.add(new FieldError("reason", "请填写修改原因"));
        }
        ValidationException.throwIfAny(errors);
        List<FieldChange> changes = EnterpriseFields.diff(current.details(), checked.details(), this::factLabel);
        List<PossibleDuplicate> found = duplicates.find(List.of(checked.details()), List.of(id)).get(0);
        if (changes.isEmpty()) {
            return new Registration(id, current.version(), checked.warnings(), history.openDuplicates(id.value(), scope));
        }
        Instant now = now();
        Actor actor = Actor.current();
        if (!enterprises.update(stored(id.value(), checked), version, now, actor.username())) {
            throw stale(enterprises.find(id.value(), scope).orElseThrow(() -> notFound(id)), version);
        }
        int newVersion = version + 1;
        history.addVersions(List.of(new NewVersion(id.value(), newVersion, VersionAction.EDITED, why, changes)), now,
                actor.username(), actor.displayName());
        history.addPairs(found.stream().map(d -> new NewPair(id.value(), d.id().value(),
                d.reasons().stream().map(Enum::name).toList())).toList(), now);
        if (!current.details().division().equals(checked.details().division())) {
            dossier.relocate(EvidenceOwner.enterprise(id.value()), checked.details().division());
        }
        audit.record(new AuditEvent("ENTERPRISE_EDITED", "Enterprise", id.toString(), why, EnterpriseFields.asMap(changes)));
        publishEdited(id.value(), checked.details(), newVersion, changes);
        boolean factsChanged = changes.stream().anyMatch(c -> c.field().startsWith("facts.") || c.field().equals("industry"));
        classifications.classifyNow(List.of(id.value()), (factsChanged ? "事实变更：" : "台账修改：") + why);
        return new Registration(id, newVersion, checked.warnings(), history.openDuplicates(id.value(), scope));
    }

    private void publishEdited(long id, EnterpriseDetails details, int version, List<FieldChange> changes) {
        Set<String> fields = changes.stream().map(FieldChange::field).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        events.publishEvent(new EnterpriseEdited(id, details.division().value(), version, fields));
        Set<String> facts = fields.stream().filter(f -> f.startsWith("facts.")).map(f -> f.substring(6))
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        if (!facts.isEmpty()) {
            events.publishEvent(new EnterpriseFactsChanged(id, details.division().value(), details.facts().asBooleans(), facts));
        }
    }

    @Override
    @Transactional
    public void withdraw(EnterpriseId id, Integer version, WithdrawalReason reason, String note, Scope scope) {
        if (reason == null) {
            throw new ValidationException(List.of(new FieldError("reason", "请选择撤销原因（重复登记、不属于整治范围或误录）")));
        }
        Enterprise current = enterprises.lock(id.value(), scope).orElseThrow(() -> notFound(id));
        requireActive(current);
        if (version != null && current.version() != version) {
            throw stale(current, version);
        }
        withdrawLocked(current, reason, EnterpriseValidator.text(note), null, VersionAction.WITHDRAWN);
        audit.record(new AuditEvent("ENTERPRISE_WITHDRAWN", "Enterprise", id.toString(), reason.label()
                + (note == null || note.isBlank() ? "" : "：" + note.strip()), Map.of("reason", reason.name())));
    }

    private void withdrawLocked(Enterprise current, WithdrawalReason reason, String note, Long mergedInto, VersionAction action) {
        Instant now = now();
        Actor actor = Actor.current();
        long id = current.id().value();
        enterprises.withdraw(id, current.version(), reason, note, mergedInto, now, actor.username());
        List<FieldChange> changes = new ArrayList<>();
        changes.add(new FieldChange("status", "状态", "ACTIVE", "WITHDRAWN"));
        if (mergedInto != null) {
            changes.add(new FieldChange("mergedInto", "并入", null, mergedInto));
        }
        history.addVersions(List.of(new NewVersion(id, current.version() + 1, action,
                reason.label() + (note == null ? "" : "：" + note), changes)), now, actor.username(), actor.displayName());
        events.publishEvent(new EnterpriseWithdrawn(id, current.details().division().value(), reason));
    }

    @Override
    @Transactional
    public void merge(EnterpriseId survivorId, EnterpriseId duplicateId, String reason, Scope scope) {
        if (survivorId.equals(duplicateId)) {
            throw new InvalidInputException("duplicateId", "不能把企业与自身合并");
        }
        // lock in id order so that two opposite merges cannot deadlock
        boolean survivorFirst = survivorId.value() < duplicateId.value();
        Enterprise first = enterprises.lock(survivorFirst ? survivorId.value() : duplicateId.value(), scope)
                .orElseThrow(() -> notFound(survivorFirst ? survivorId : duplicateId));
        Enterprise second = enterprises.lock(survivorFirst ? duplicateId.value() : survivorId.value(), scope)
                .orElseThrow(() -> notFound(survivorFirst ? duplicateId : survivorId));
        Enterprise survivor = survivorFirst ? first : second;
        Enterprise duplicate = survivorFirst ? second : first;
        requireActive(survivor);
        requireActive(duplicate);
        String why = EnterpriseValidator.text(reason);
        String note = "与 #" + duplicate.id() + "（" + duplicate.details().name() + "）为同一企业，合并" + (why == null ? "" : "：" + why);
        Instant now = now();
        Actor actor = Actor.current();

        EnterpriseDetails merged = MergedDetails.fill(survivor.details(), duplicate.details());
        List<FieldChange> changes = new ArrayList<>(EnterpriseFields.diff(survivor.details(), merged, this::factLabel));
        changes.add(new FieldChange("mergedFrom", "合并记录", null, duplicate.id().value()));
        EnterpriseValidator.Checked checked = new EnterpriseValidator.Checked(merged,
                survivor.creditCodeLegacy() || (survivor.details().identity().creditCode() == null && duplicate.creditCodeLegacy()),
                List.of(), List.of());
        enterprises.update(stored(survivor.id().value(), checked), survivor.version(), now, actor.username());
        history.addVersions(List.of(new NewVersion(survivor.id().value(), survivor.version() + 1, VersionAction.MERGED, note,
                changes)), now, actor.username(), actor.displayName());
        withdrawLocked(duplicate, WithdrawalReason.DUPLICATE, "并入 #" + survivor.id() + (why == null ? "" : "：" + why),
                survivor.id().value(), VersionAction.MERGED_AWAY);
        history.resolvePair(survivor.id().value(), duplicate.id().value(), "MERGED", why, now, actor.username());
        dossier.transfer(EvidenceOwner.enterprise(duplicate.id().value()), EvidenceOwner.enterprise(survivor.id().value()),
                survivor.details().division());
        audit.record(new AuditEvent("ENTERPRISES_MERGED", "Enterprise", survivor.id().toString(), why,
                Map.of("merged", duplicate.id().value(), "changes", EnterpriseFields.asMap(changes))));
        events.publishEvent(new EnterprisesMerged(survivor.id().value(), duplicate.id().value(),
                survivor.details().division().value()));
        List<FieldChange> fieldChanges = changes.stream().filter(c -> !"mergedFrom".equals(c.field())).toList();
        if (!fieldChanges.isEmpty()) {
            publishEdited(survivor.id().value(), merged, survivor.version() + 1, fieldChanges);
            classifications.classifyNow(List.of(survivor.id().value()), "合并记录：" + note);
        }
    }

    @Override
    @Transactional
    public void confirmDistinct(EnterpriseId id, EnterpriseId otherId, String reason, Scope scope) {
        if (id.equals(otherId)) {
            throw new InvalidInputException("duplicateId", "请选择另一家企业");
        }
        Enterprise one = enterprises.lock(Math.min(id.value(), otherId.value()), scope)
                .orElseThrow(() -> notFound(id.value() < otherId.value() ? id : otherId));
        Enterprise two = enterprises.lock(Math.max(id.value(), otherId.value()), scope)
                .orElseThrow(() -> notFound(id.value() < otherId.value() ? otherId : id));
        String why = EnterpriseValidator.text(reason);
        Instant now = now();
        Actor actor = Actor.current();
        history.resolvePair(one.id().value(), two.id().value(), "DISTINCT", why, now, actor.username());
        for (Enterprise e : List.of(one, two)) {
            Enterprise other = e == one ? two : one;
            enterprises.touch(e.id().value(), e.version(), now, actor.username());
            history.addVersions(List.of(new NewVersion(e.id().value(), e.version() + 1, VersionAction.CONFIRMED_DISTINCT,
                    "与 #" + other.id() + "（" + other.details().name() + "）不是同一企业" + (why == null ? "" : "：" + why),
                    List.of())), now, actor.username(), actor.displayName());
        }
        audit.record(new AuditEvent("ENTERPRISES_CONFIRMED_DISTINCT", "Enterprise", id.toString(), why,
                Map.of("other", otherId.value())));
    }

    @Override
    public List<FieldError> validate(EnterpriseDetails details, Scope scope) {
        return validator.check(details, scope, LocalDate.now(clock.withZone(CHINA))).errors();
    }

    @Override
    @Transactional(readOnly = true)
    public Enterprise get(EnterpriseId id, Scope scope) {
        return enterprises.find(id.value(), scope).orElseThrow(() -> notFound(id));
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
        return labelled(history.versions(ids, 0));
    }

    @Override
    @Transactional(readOnly = true)
    public List<PossibleDuplicate> openDuplicates(EnterpriseId id, Scope scope) {
        get(id, scope);
        return history.openDuplicates(id.value(), scope);
    }

    private ConflictException stale(Enterprise current, int version) {
        List<EnterpriseVersion> since = labelled(history.versions(List.of(current.id().value()), version));
        List<Map<String, Object>> changes = since.stream().map(v -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("version", v.version());
            m.put("action", v.action().name());
            m.put("at", v.at().toString());
            m.put("by", v.displayName() == null ? v.username() : v.displayName());
            m.put("reason", v.reason() == null ? "" : v.reason());
            m.put("changes", v.changes().stream().map(c -> {
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("field", c.field());
                f.put("label", c.label());
                f.put("oldValue", c.oldValue());
                f.put("newValue", c.newValue());
                return f;
            }).toList());
            return m;
        }).toList();
        String who = since.isEmpty() ? "他人" : since.get(0).displayName();
        return new ConflictException("该企业已被" + who + "修改（当前版本 " + current.version() + "，您编辑的是版本 " + version
                + "），请查看变化后重新保存", Map.of("currentVersion", current.version(), "yourVersion", version, "changesSince", changes));
    }

    private static void requireActive(Enterprise enterprise) {
        if (!enterprise.active()) {
            throw new ConflictException("该企业已撤销（" + enterprise.withdrawal().reason().label() + "），不能再修改");
        }
    }

    static NotFoundException notFound(EnterpriseId id) {
        return new NotFoundException("企业 #" + id + " 不存在或不在您的辖区内");
    }

    /** The versions with the facts a plan declares under their Chinese labels (the history stores field names only). */
    private List<EnterpriseVersion> labelled(List<EnterpriseVersion> versions) {
        return versions.stream().map(v -> v.changes().stream().noneMatch(LedgerService::unlabelledFact) ? v
                : new EnterpriseVersion(v.enterpriseId(), v.version(), v.action(), v.at(), v.username(), v.displayName(), v.reason(),
                        v.changes().stream().map(c -> unlabelledFact(c)
                                ? new FieldChange(c.field(), factLabel(c.field().substring(6)), c.oldValue(), c.newValue()) : c)
                                .toList())).toList();
    }

    private static boolean unlabelledFact(FieldChange c) {
        return c.field().startsWith("facts.") && c.label().equals(c.field());
    }

    /** The Chinese label of a fact a plan declares, for the history. */
    private String factLabel(String name) {
        return declaredFacts.find(name).map(DeclaredFact::label).orElse(name);
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
