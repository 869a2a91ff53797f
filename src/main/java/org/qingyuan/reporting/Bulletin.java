package org.qingyuan.reporting;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A published bulletin, frozen: its number 〔year〕第N期 per kind and year, the period it reports on, the office's
 * text, and the .docx as issued with its SM3 digest.
 */
public record Bulletin(long id, BulletinKind kind, int year, int number, String periodKey, String periodLabel,
                       LocalDate periodStart, LocalDate periodEnd, String title, String issuer, LocalDate issuedOn,
                       String problems, String requirements, String fileName, String sm3, Instant publishedAt,
                       String publishedBy) {

    /** 〔2026〕第3期. */
    public String issueNumber() {
        return "〔" + year + "〕第" + number + "期";
    }
}
