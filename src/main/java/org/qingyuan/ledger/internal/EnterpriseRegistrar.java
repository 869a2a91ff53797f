package org.qingyuan.ledger.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import org.qingyuan.access.Scope;
import org.qingyuan.audit.AuditEvent;
import org.qingyuan.audit.AuditTrail;
import org.qingyuan.ledger.BatchRegistration;
import org.qingyuan.ledger.Enterprise;
import org.qingyuan.ledger.EnterpriseDetails;
import org.qingyuan.ledger.EnterpriseId;
import org.qingyuan.ledger.PossibleDuplicate;
import org.qingyuan.ledger.internal.JdbcHistory.NewPair;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers enterprises, one from a form or many from an import: every row is checked, duplicates are looked for
 * against the ledger and among the rows (keys computed once), and the valid rows are inserted together.
 */
@Service
class EnterpriseRegistrar implements BatchRegistration {

    private final JdbcEnterprises enterprises;
    private final EnterpriseStore store;
    private final EnterpriseValidator validator;
    private final DuplicateFinder duplicates;
    private final HistoryLabels labels;
    private final ClassificationCommands classifications;
    private final AuditTrail audit;
    private final Stamps stamps;

    EnterpriseRegistrar(JdbcEnterprises enterprises, EnterpriseStore store, EnterpriseValidator validator,
                        DuplicateFinder duplicates, HistoryLabels labels, ClassificationCommands classifications, AuditTrail audit,
                        Stamps stamps) {
        this.enterprises = enterprises;
        this.store = store;
        this.validator = validator;
        this.duplicates = duplicates;
        this.labels = labels;
        this.classifications = classifications;
        this.audit = audit;
        this.stamps = stamps;
    }

    @Override
    @Transactional
    public Result registerAll(List<EnterpriseDetails> rows, DuplicatePolicy policy, String reason, Scope scope) {
        return register(rows, i -> reason, policy, scope, true);
    }

    @Override
    @Transactional
    public Result registerImported(List<SourcedRow> rows, DuplicatePolicy policy, Scope scope) {
        return register(rows.stream().map(SourcedRow::details).toList(), i -> rows.get(i).source(), policy, scope, false);
    }

    @Override
    @Transactional
    public void refreshStatistics() {
        enterprises.analyze();
    }

    private Result register(List<EnterpriseDetails> rows, IntFunction<String> reasons, DuplicatePolicy policy, Scope scope,
                            boolean audited) {
        Enterprise.Stamp stamp = stamps.now();
        LocalDate today = LocalDate.ofInstant(stamp.at(), LedgerService.CHINA);
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
        if (toInsert.isEmpty()) {
            return new Result(List.of(results));
        }
        List<Long> ids = enterprises.nextIds(toInsert.size());
        Map<Integer, Long> idOfValid = new HashMap<>();
        for (int k = 0; k < toInsert.size(); k++) {
            idOfValid.put(toInsert.get(k), ids.get(k));
        }
        List<Enterprise> registered = new ArrayList<>(toInsert.size());
        List<DuplicateFinder.Keys> insertedKeys = new ArrayList<>(toInsert.size());
        List<NewPair> pairs = new ArrayList<>();
        for (int k = 0; k < toInsert.size(); k++) {
            int v = toInsert.get(k);
            int row = validRows.get(v);
            long id = ids.get(k);
            EnterpriseValidator.Checked c = checked.get(row);
            registered.add(Enterprise.register(new EnterpriseId(id), c.details(), c.creditCodeLegacy(), reasons.apply(row),
                    labels::factLabel, stamp));
            insertedKeys.add(keys.get(v));
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
        store.insert(registered, insertedKeys, pairs);
        if (audited) {
            // classified at once; an import's rows are left stale for the background worker (ClassificationWorker),
            // and the importer audits the import as a whole
            classifications.classifyNow(ids, "登记");
            audit(registered, pairs, reasons.apply(0));
        }
        return new Result(List.of(results));
    }

    private void audit(List<Enterprise> registered, List<NewPair> pairs, String reason) {
        if (registered.size() == 1) {
            Enterprise e = registered.get(0);
            audit.record(new AuditEvent("ENTERPRISE_REGISTERED", "Enterprise", e.id().toString(), reason,
                    Map.of("name", e.details().name(), "divisionCode", e.details().division().value(),
                            "possibleDuplicates", pairs.stream().map(NewPair::b).toList())));
        } else {
            audit.record(new AuditEvent("ENTERPRISES_REGISTERED", "Enterprise", null, reason,
                    Map.of("count", registered.size(), "ids", registered.stream().map(e -> e.id().value()).toList(),
                            "possibleDuplicatePairs", pairs.size())));
        }
    }

    private static List<PossibleDuplicate> batchRowsToSubmitted(List<PossibleDuplicate> found, List<Integer> validRows) {
        return found.stream().map(d -> d.id() != null ? d
                : new PossibleDuplicate(null, validRows.get(d.batchRow()), d.name(), d.division(), d.address(), d.reasons())).toList();
    }
}
