package org.qingyuan.shared;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * A government document in .docx (Apache POI XWPF) — bulletins, work summaries, assessment bulletins —, as officials edit them: 方正小标宋-style title, 仿宋 body at
 * 三号 (16 pt), 黑体 headings, tables, the issuing office and date at the bottom right.
 */
public final class OfficialDocx {

    private static final String TITLE_FONT = "方正小标宋简体";
    private static final String BODY_FONT = "仿宋_GB2312";
    private static final String HEADING_FONT = "黑体";

    private final XWPFDocument doc = new XWPFDocument();

    public OfficialDocx masthead(String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        XWPFRun r = run(p, text, TITLE_FONT, 26);
        r.setBold(true);
        r.setColor("C00000");
        return this;
    }

    public OfficialDocx centered(String text, int size) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        run(p, text, BODY_FONT, size);
        return this;
    }

    public OfficialDocx title(String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        p.setSpacingBefore(240);
        p.setSpacingAfter(240);
        run(p, text, TITLE_FONT, 22).setBold(true);
        return this;
    }

    public OfficialDocx heading(String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setIndentationFirstLine(640);
        run(p, text, HEADING_FONT, 16);
        return this;
    }

    /** Body paragraphs: each line of the text its own indented paragraph. */
    public OfficialDocx body(String text) {
        if (text == null || text.isBlank()) {
            return this;
        }
        for (String line : text.strip().split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            XWPFParagraph p = doc.createParagraph();
            p.setIndentationFirstLine(640);
            p.setSpacingBetween(1.5);
            run(p, line.strip(), BODY_FONT, 16);
        }
        return this;
    }

    /** A table with a bold header row. */
    public OfficialDocx table(List<String> header, List<List<String>> rows) {
        XWPFTable t = doc.createTable(rows.size() + 1, header.size());
        t.setWidth("100%");
        fill(t.getRow(0), header, true);
        for (int i = 0; i < rows.size(); i++) {
            fill(t.getRow(i + 1), rows.get(i), false);
        }
        doc.createParagraph();
        return this;
    }

    /** The issuing office and the date, at the right. */
    public OfficialDocx signature(String office, LocalDate date) {
        doc.createParagraph();
        for (String line : List.of(office, org.qingyuan.shared.ChineseDates.of(date))) {
            XWPFParagraph p = doc.createParagraph();
            p.setAlignment(ParagraphAlignment.RIGHT);
            p.setIndentationRight(640);
            run(p, line, BODY_FONT, 16);
        }
        return this;
    }

    public byte[] bytes() {
        try (doc; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void fill(XWPFTableRow row, List<String> cells, boolean bold) {
        for (int c = 0; c < cells.size(); c++) {
            XWPFParagraph p = row.getCell(c).getParagraphs().get(0);
            p.setAlignment(ParagraphAlignment.CENTER);
            XWPFRun r = run(p, cells.get(c) == null ? "" : cells.get(c), bold ? HEADING_FONT : BODY_FONT, 12);
            r.setBold(bold);
        }
    }

    private static XWPFRun run(XWPFParagraph p, String text, String font, int size) {
        XWPFRun r = p.createRun();
        r.setText(text);
        r.setFontFamily(font);
        r.setFontSize(size);
        return r;
    }
}
