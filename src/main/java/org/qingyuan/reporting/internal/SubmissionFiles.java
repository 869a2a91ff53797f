package org.qingyuan.reporting.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.qingyuan.access.Scope;
import org.qingyuan.reporting.Submission;
import org.qingyuan.shared.OfficialDocx;
import org.qingyuan.sheets.OfficialForms;
import org.qingyuan.shared.DivisionCode;
import org.qingyuan.shared.DivisionLevel;
import org.qingyuan.statistics.Dimension;
import org.qingyuan.statistics.LedgerStatistics;
import org.qingyuan.statistics.StatisticsTables;
import org.qingyuan.statistics.Tally;
import org.springframework.stereotype.Component;

/**
 * The files a submission's preparation generates from the ledger as of one instant: the official ledger form of the
 * unit's division and its statistics table (by village for a town, by town for the district); and, on submission, the
 * written summary as a .docx.
 */
@Component
class SubmissionFiles {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /** A generated file. */
    record Generated(String part, String fileName, String mediaType, byte[] content) {
    }

    private final OfficialForms forms;
    private final LedgerStatistics statistics;
    private final StatisticsTables tables;

    SubmissionFiles(OfficialForms forms, LedgerStatistics statistics, StatisticsTables tables) {
        this.forms = forms;
        this.statistics = statistics;
        this.tables = tables;
    }

    List<Generated> generate(Submission s, Instant asOf) {
        Submission.Subject j = s.subject();
        DivisionCode division = DivisionCode.of(j.unitDivision());
        LocalDate date = asOf.atZone(Submission.CHINA_ZONE).toLocalDate();
        List<Generated> files = new ArrayList<>();
        try {
            if (j.requires("LEDGER_FORM")) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                forms.write(j.form() == null ? "survey" : j.form(), division, asOf, date, out);
                files.add(new Generated("LEDGER_FORM", j.unitName() + j.periodLabel() + "台账.xlsx", XLSX, out.toByteArray()));
            }
            if (j.requires("STATISTICS_TABLE")) {
                Dimension by = division.level() == DivisionLevel.TOWN ? Dimension.VILLAGE : Dimension.TOWN;
                Tally tally = statistics.tallyAt(Scope.of(division), division, by, asOf, j.periodStart());
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                tables.write(tally, out);
                files.add(new Generated("STATISTICS_TABLE", j.unitName() + j.periodLabel() + "统计表.xlsx", XLSX,
                        out.toByteArray()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** The written summary as a document: title, unit, period, the text, the unit and date. */
    Generated summary(Submission s, LocalDate date) {
        Submission.Subject j = s.subject();
        byte[] doc = new OfficialDocx().title(j.unitName() + j.periodLabel() + "“散乱污”企业整治工作总结")
                .centered("（" + j.dutyTitle() + "）", 14).body(s.summary()).signature(j.unitName(), date).bytes();
        return new Generated("WRITTEN_SUMMARY", j.unitName() + j.periodLabel() + "工作总结.docx", DOCX, doc);
    }
}
