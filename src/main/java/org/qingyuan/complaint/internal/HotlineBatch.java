package org.qingyuan.complaint.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.qingyuan.shared.InvalidInputException;

/**
 * The rows of a 12369 platform batch: the first sheet of an .xlsx (fastexcel reader, as the sheets module reads ledgers)
 * or a .csv in UTF-8 or GB18030 (what the platform's export and Excel's "save as CSV" write). Each row is its cells as
 * text, an Excel date serial as such; the row number is the spreadsheet's (1-based).
 */
final class HotlineBatch {

    record Line(int number, List<String> cells) {
        String cell(int index) {
            return index < 0 || index >= cells.size() ? null : cells.get(index);
        }
    }

    private HotlineBatch() {
    }

    static List<Line> read(String fileName, byte[] content) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        try {
            if (name.endsWith(".xlsx") || (content.length > 3 && content[0] == 'P' && content[1] == 'K')) {
                return xlsx(content);
            }
            if (name.endsWith(".csv") || name.endsWith(".txt")) {
                return csv(decode(content));
            }
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException("file", "无法读取文件“" + fileName + "”：" + (e.getMessage() == null ? "格式不正确" : e.getMessage()));
        }
        throw new InvalidInputException("file", "请上传 12369 平台导出的 .xlsx 或 .csv 文件");
    }

    private static List<Line> xlsx(byte[] content) throws IOException {
        List<Line> out = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(content));
             Stream<Row> rows = wb.getFirstSheet().openStream()) {
            Iterator<Row> it = rows.iterator();
            while (it.hasNext()) {
                Row row = it.next();
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.getCellCount(); c++) {
                    Cell cell = row.getCell(c);
                    cells.add(cell == null ? null : text(cell));
                }
                out.add(new Line(row.getRowNum(), cells));
            }
        }
        return out;
    }

    private static String text(Cell cell) {
        return switch (cell.getType()) {
            case NUMBER -> {
                BigDecimal n = cell.asNumber();
                yield n.stripTrailingZeros().scale() <= 0 ? n.toBigInteger().toString() : n.toPlainString();
            }
            case STRING -> cell.asString();
            case BOOLEAN -> String.valueOf(cell.asBoolean());
            case FORMULA -> cell.getRawValue();
            case ERROR, EMPTY -> null;
        };
    }

    private static String decode(byte[] content) {
        int start = content.length >= 3 && (content[0] & 0xff) == 0xEF && (content[1] & 0xff) == 0xBB && (content[2] & 0xff) == 0xBF ? 3 : 0;
        ByteBuffer bytes = ByteBuffer.wrap(content, start, content.length - start);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(content, start, content.length - start, Charset.forName("GB18030"));
        }
    }

    /** RFC 4180: quoted fields may hold commas, quotes ("") and line breaks. */
    static List<Line> csv(String text) {
        List<Line> out = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int startLine = 1;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    if (ch == '\n') {
                        line++;
                    }
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                cells.add(cell.toString());
                cell.setLength(0);
                out.add(new Line(startLine, cells));
                cells = new ArrayList<>();
                line++;
                startLine = line;
            } else {
                cell.append(ch);
            }
        }
        if (cell.length() > 0 || !cells.isEmpty()) {
            cells.add(cell.toString());
            out.add(new Line(startLine, cells));
        }
        return out;
    }
}
