package org.qingyuan.sheets.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.qingyuan.ledger.BatchRegistration.Outcome;
import org.qingyuan.ledger.BatchRegistration.RowResult;
import org.qingyuan.ledger.BatchRegistration.SourcedRow;
import org.qingyuan.rectification.TownReport;
import org.qingyuan.sheets.internal.ImportJobs.Counts;
import org.qingyuan.sheets.internal.ImportJobs.RowOutcome;
import org.qingyuan.sheets.internal.RowMapper.MappedRow;
import org.qingyuan.sheets.internal.RowMapper.RowMessage;
import org.qingyuan.shared.FieldError;

/**
 * What became of each row of a chunk, from the mapping and the ledger's answer: its outcome for the report (accepted,
 * duplicate, rejected, with the messages of both), the counts, and for the rows registered, the survey ledger's
 * rectification columns and the town's report for the cases.
 */
final class ChunkOutcomes {

    final List<RowOutcome> outcomes;
    final List<CampaignColumnsStore.CampaignColumns> campaign = new ArrayList<>();
    final List<TownReport> townReports = new ArrayList<>();

    private final ImportJob job;

    /** The rows that mapped to an enterprise, each with its source for the history; {@code ledgerIndex} gets their rows. */
    static List<SourcedRow> toLedger(ImportJob job, List<MappedRow> mapped, List<Integer> ledgerIndex) {
        List<SourcedRow> toLedger = new ArrayList<>();
        for (int i = 0; i < mapped.size(); i++) {
            MappedRow m = mapped.get(i);
            if (m.details() != null) {
                ledgerIndex.add(i);
                toLedger.add(new SourcedRow(m.details(), "导入自 " + job.fileName() + "，工作表“" + m.sheet() + "”第 "
                        + m.rowNumber() + " 行（导入任务 #" + job.id() + "）"));
            }
        }
        return toLedger;
    }

    /**
     * @param results the ledger's answer per mapped row, null for rows that never reached it
     * @param ledgerIndex the mapped row of each row sent to the ledger
     * @param seq the running number of the import's rows, advanced here
     */
    ChunkOutcomes(ImportJob job, List<MappedRow> mapped, RowResult[] results, List<Integer> ledgerIndex, Counts counts,
                  ImportedRows imported, int[] seq) {
        this.job = job;
        this.outcomes = new ArrayList<>(mapped.size());
        for (int i = 0; i < mapped.size(); i++) {
            MappedRow m = mapped.get(i);
            RowResult r = results[i];
            List<RowMessage> errors = new ArrayList<>(m.errors());
            List<RowMessage> warnings = new ArrayList<>(m.warnings());
            String outcome;
            Long id = null;
            List<Map<String, Object>> duplicates = List.of();
            if (r == null) {
                outcome = "REJECTED";
            } else {
                r.errors().forEach(e -> errors.add(message(e, m)));
                r.warnings().forEach(w -> warnings.add(message(w, m)));
                if (r.outcome() == Outcome.REGISTERED) {
                    outcome = "ACCEPTED";
                    id = r.id().value();
                    imported.remember(id, m.sheet() + "|" + m.rowNumber());
                    if (!m.campaign().empty()) {
                        campaign.add(new CampaignColumnsStore.CampaignColumns(id, m.campaign().requirement(),
                                m.campaign().deadline(), m.campaign().responsible(), m.campaign().progress()));
                        townReports.add(TownReportCells.of(id, m.campaign(), "导入自 " + job.fileName() + " 第 "
                                + m.rowNumber() + " 行"));
                    }
                } else if (r.outcome() == Outcome.SKIPPED_DUPLICATE) {
                    outcome = "DUPLICATE";
                    duplicates = imported.duplicates(r.possibleDuplicates(), ledgerIndex, mapped);
                } else {
                    outcome = "REJECTED";
                }
            }
            switch (outcome) {
                case "ACCEPTED" -> counts.accepted++;
                case "DUPLICATE" -> counts.duplicates++;
                default -> counts.rejected++;
            }
            if (!warnings.isEmpty()) {
                counts.warnings++;
            }
            counts.data++;
            outcomes.add(new RowOutcome(++seq[0], m.sheet(), m.rowNumber(), outcome, m.name(), id, json(errors), json(warnings),
                    duplicates.isEmpty() ? null : ImportJobs.JSON.writeValueAsString(duplicates)));
        }
    }

    private RowMessage message(FieldError e, MappedRow m) {
        return new RowMessage(LedgerFields.column(e.field(), job.layout()), e.message());
    }

    private String json(List<RowMessage> messages) {
        if (messages.isEmpty()) {
            return null;
        }
        return ImportJobs.JSON.writeValueAsString(messages.stream()
                .map(x -> Map.of("column", x.column(), "message", x.message())).toList());
    }
}
