package org.qingyuan.ledger.internal;

import java.util.ArrayList;
import java.util.List;

import org.qingyuan.access.Scope;
import org.qingyuan.ledger.Enterprise;
import org.qingyuan.ledger.Enterprise.Revision;
import org.qingyuan.ledger.EnterpriseDetails;
import org.qingyuan.ledger.EnterpriseId;
import org.qingyuan.ledger.EnterpriseNames;
import org.qingyuan.ledger.internal.JdbcHistory.NewVersion;
import org.qingyuan.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Loads enterprises for a command (locked for the rest of the transaction) and stores what the command did: the row,
 * the versions it added and the events it collected.
 */
@Component
class EnterpriseStore {

    private final JdbcEnterprises enterprises;
    private final JdbcHistory history;
    private final DivisionNames names;
    private final ApplicationEventPublisher events;

    EnterpriseStore(JdbcEnterprises enterprises, JdbcHistory history, DivisionNames names, ApplicationEventPublisher events) {
        this.enterprises = enterprises;
        this.history = history;
        this.names = names;
        this.events = events;
    }

    static NotFoundException notFound(EnterpriseId id) {
        return new NotFoundException("企业 #" + id + " 不存在或不在您的辖区内");
    }

    Enterprise lock(EnterpriseId id, Scope scope) {
        return enterprises.lock(id.value(), scope).orElseThrow(() -> notFound(id));
    }

    /** Locks two enterprises in id order, so that two opposite commands on the same pair cannot deadlock. */
    List<Enterprise> lockPair(EnterpriseId a, EnterpriseId b, Scope scope) {
        boolean inOrder = a.value() < b.value();
        Enterprise first = lock(inOrder ? a : b, scope);
        Enterprise second = lock(inOrder ? b : a, scope);
        return inOrder ? List.of(first, second) : List.of(second, first);
    }

    /** Writes the changes of a locked enterprise: its row, its new versions, then its events. */
    void save(Enterprise enterprise) {
        List<NewVersion> versions = new ArrayList<>();
        long id = enterprise.id().value();
        String by = enterprise.updatedBy();
        for (Revision r : enterprise.revisions()) {
            int before = r.version() - 1;
            boolean written = switch (r.action()) {
                case EDITED, MERGED -> enterprises.update(stored(id, enterprise.details(), enterprise.creditCodeLegacy()), before,
                        enterprise.updatedAt(), by);
                case WITHDRAWN, MERGED_AWAY -> enterprises.withdraw(id, before, enterprise.withdrawal().reason(),
                        enterprise.withdrawal().note(), enterprise.mergedInto() == null ? null : enterprise.mergedInto().value(),
                        enterprise.updatedAt(), by);
                case CONFIRMED_DISTINCT -> enterprises.touch(id, before, enterprise.updatedAt(), by);
                case REGISTERED -> throw new IllegalArgumentException("a registration is inserted, not saved");
            };
            if (!written) {
                throw new IllegalStateException("enterprise " + id + " changed while locked at version " + before);
            }
            versions.add(new NewVersion(id, r.version(), r.action(), r.reason(), r.changes()));
        }
        if (!versions.isEmpty()) {
            Enterprise.Stamp stamp = enterprise.revisions().get(0).stamp();
            history.addVersions(versions, stamp.at(), stamp.username(), stamp.displayName());
        }
        enterprise.events().forEach(events::publishEvent);
    }

    /** Inserts new enterprises with their comparison keys, their first versions, their possible duplicates, then their events. */
    void insert(List<Enterprise> registered, List<DuplicateFinder.Keys> keys, List<JdbcHistory.NewPair> pairs) {
        if (registered.isEmpty()) {
            return;
        }
        List<StoredEnterprise> rows = new ArrayList<>(registered.size());
        List<NewVersion> versions = new ArrayList<>(registered.size());
        for (int i = 0; i < registered.size(); i++) {
            Enterprise e = registered.get(i);
            rows.add(new StoredEnterprise(e.id().value(), e.details(), e.creditCodeLegacy(), keys.get(i).nameKey(),
                    keys.get(i).addressKey()));
            Revision r = e.revisions().get(0);
            versions.add(new NewVersion(e.id().value(), r.version(), r.action(), r.reason(), r.changes()));
        }
        Enterprise.Stamp stamp = registered.get(0).revisions().get(0).stamp();
        enterprises.insertAll(rows, stamp.at(), stamp.username());
        history.addVersions(versions, stamp.at(), stamp.username(), stamp.displayName());
        history.addPairs(pairs, stamp.at());
        registered.forEach(e -> e.events().forEach(events::publishEvent));
    }

    private StoredEnterprise stored(long id, EnterpriseDetails d, boolean creditCodeLegacy) {
        List<String> path = names.path(d.division());
        return new StoredEnterprise(id, d, creditCodeLegacy, EnterpriseNames.nameKey(d.name(), path),
                EnterpriseNames.addressKey(d.place().address(), path));
    }
}
