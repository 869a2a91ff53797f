package org.qingyuan.sheets.internal;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Repository;

/**
 * The survey ledger's rectification columns (整治要求, 整治期限, 责任人, 完成情况) of the enterprises an import registered
 * ({@code sheet_campaign_columns}): the official forms print them until a case carries its own.
 */
@Repository
class CampaignColumnsStore {

    private final PgCopy copy;

    CampaignColumnsStore(PgCopy copy) {
        this.copy = copy;
    }

    /** The survey ledger's rectification columns of one newly registered enterprise. */
    record CampaignColumns(long enterpriseId, String requirement, String deadline, String responsible, String progress) {
    }

    /**
     * Stores the rectification columns of enterprises this import registered, with COPY (their ids are
     * new, so there is nothing to update), on the current transaction's connection.
     */
    void add(long importId, List<CampaignColumns> rows, Instant at) {
        if (rows.isEmpty()) {
            return;
        }
        String when = java.time.OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC).toString();
        StringBuilder data = new StringBuilder(rows.size() * 64);
        for (CampaignColumns r : rows) {
            data.append(r.enterpriseId()).append('\t');
            PgCopy.text(data, r.requirement()).append('\t');
            PgCopy.text(data, r.deadline()).append('\t');
            PgCopy.text(data, r.responsible()).append('\t');
            PgCopy.text(data, r.progress()).append('\t');
            data.append(importId).append('\t').append(when).append('\n');
        }
        copy.copy("""
                COPY sheet_campaign_columns (enterprise_id, requirement, deadline, responsible, progress, import_id, updated_at)
                FROM STDIN""", data);
    }
}
