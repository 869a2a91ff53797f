package org.qingyuan.sheets.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;

import org.qingyuan.access.Scope;
import org.qingyuan.organisation.Liaisons;
import org.qingyuan.sheets.OfficialForms;
import org.qingyuan.shared.DivisionCode;
import org.qingyuan.shared.InvalidInputException;
import org.springframework.stereotype.Component;

/** {@link OfficialForms} through the export's writer, scoped to the division, with the unit's liaison (blank when it named none). */
@Component
class FormsAsOf implements OfficialForms {

    private final LedgerSheets sheets;
    private final Liaisons liaisons;

    FormsAsOf(LedgerSheets sheets, Liaisons liaisons) {
        this.sheets = sheets;
        this.liaisons = liaisons;
    }

    @Override
    public void write(String form, DivisionCode division, Instant asOf, LocalDate formDate, OutputStream out) throws IOException {
        Layout layout = switch (form == null ? "" : form) {
            case "survey" -> Layout.SURVEY_LEDGER;
            case "community" -> Layout.COMMUNITY_TABLE;
            default -> throw new InvalidInputException("form", "报表样式应为 survey（排查台账）或 community（社区统计表）");
        };
        LedgerSheets.Liaison liaison = liaisons.forDivision(division).map(l -> new LedgerSheets.Liaison(l.name(), l.phone()))
                .orElse(null);
        sheets.writeAsOf(layout, division, Scope.of(division), asOf, formDate, liaison, out);
    }
}
