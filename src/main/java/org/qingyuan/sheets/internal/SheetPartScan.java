package org.qingyuan.sheets.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.qingyuan.sheets.internal.Workbook.Region;

/**
 * One pass over a part of an .xlsx (a worksheet, the shared strings, any other entry) before the reader parses it.
 * It counts the worksheet's {@code <row} elements, collects the {@code ref} of each {@code <mergeCell}, and refuses
 * the part when it breaks a {@link WorkbookLimits limit}: more uncompressed bytes than allowed, a compression ratio
 * of a zip bomb, or one cell ({@code <c>…</c}, {@code <si>…</si>}) or one run of text between angle brackets longer
 * than a cell may be — which the reader would otherwise build into one huge string. Element names are matched as
 * bytes (with or without a namespace prefix), which is safe in UTF-8: multi-byte characters never contain ASCII bytes.
 */
final class SheetPartScan {

    private static final byte[] C = {'c'};
    private static final byte[] SI = "si".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ROW = "row".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SST = "sst".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHEET_DATA = "sheetData".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MERGE = "mergeCell".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] REF = "ref=\"".getBytes(StandardCharsets.US_ASCII);
    /** Parts smaller than this are not judged by their compression ratio. */
    private static final long RATIO_GRACE = 10L * 1024 * 1024;
    private static final long MB = 1024L * 1024L;

    private SheetPartScan() {
    }

    /**
     * @param rows the row elements of a worksheet part
     * @param sharedStrings whether the part is a shared-strings table ({@code <sst>})
     */
    record Result(int rows, List<Region> merges, boolean sharedStrings) {
    }

    /** Scans without limits (tests and trusted files). */
    static Result scan(InputStream part) throws IOException {
        return scan("", part, -1, new WorkbookLimits(Integer.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE,
                Integer.MAX_VALUE, Long.MAX_VALUE));
    }

    /**
     * @param name the part's name in the zip, for messages
     * @param compressedSize the part's compressed size, or -1 when unknown
     * @throws Cells.Unreadable with a Chinese reason when the part breaks a limit
     */
    static Result scan(String name, InputStream part, long compressedSize, WorkbookLimits limits) throws IOException {
        long maxCell = limits.maxCellBytes();
        long ratioLimit = compressedSize > 0 && compressedSize < Long.MAX_VALUE / Math.max(1, limits.maxCompressionRatio())
                ? Math.max(RATIO_GRACE, compressedSize * limits.maxCompressionRatio()) : Long.MAX_VALUE;
        try (InputStream in = part) {
            byte[] buf = new byte[1 << 16];
            int keep = 0;
            long base = 0;
            long total = 0;
            long lastAngle = 0;
            long cellStart = -1;
            int rows = 0;
            boolean sharedStrings = false;
            int xml = 0; // 0 unknown, 1 XML, -1 not XML (counted for size and ratio only)
            List<Region> merges = new ArrayList<>();
            boolean eof = false;
            while (!eof) {
                int n = in.read(buf, keep, buf.length - keep);
                eof = n < 0;
                int len = keep + Math.max(n, 0);
                if (n > 0) {
                    total += n;
                    if (total > limits.maxPartBytes()) {
                        throw refuse("工作簿的“" + name + "”解压后超过 " + limits.maxPartBytes() / MB + " MB 的上限，不能导入");
                    }
                    if (total > ratioLimit) {
                        throw refuse("工作簿的“" + name + "”解压后是压缩前的 " + limits.maxCompressionRatio()
                                + " 倍以上，疑似压缩炸弹，不能导入");
                    }
                    if (sharedStrings && total > limits.maxSharedStringsBytes()) {
                        throw refuse("工作簿的共享字符串表解压后超过 " + limits.maxSharedStringsBytes() / MB + " MB 的上限，不能导入");
                    }
                }
                if (xml == 0) {
                    xml = kind(buf, len);
                    if (xml == 0 && !eof && len < buf.length) {
                        keep = len;
                        continue;
                    }
                    xml = xml == 0 ? 1 : xml;
                }
                if (xml != 1) {
                    base += len;
                    keep = 0;
                    continue;
                }
                // an element start this close to the end of the block is read with the next block
                int safeEnd = eof ? len : len - 128;
                int i = 0;
                for (; i < safeEnd; i++) {
                    byte b = buf[i];
                    if (b == '>') {
                        lastAngle = base + i;
                        continue;
                    }
                    if (b != '<') {
                        continue;
                    }
                    long pos = base + i;
                    if (pos - lastAngle > maxCell) {
                        throw tooLong(name, sharedStrings, limits);
                    }
                    lastAngle = pos;
                    int j = i + 1;
                    boolean end = j < len && buf[j] == '/';
                    if (end) {
                        j++;
                    }
                    int start = j;
                    while (j < len && j - start < 64 && !delimiter(buf[j])) {
                        j++;
                    }
                    int local = start;
                    for (int k = start; k < j; k++) {
                        if (buf[k] == ':') {
                            local = k + 1;
                        }
                    }
                    boolean cell = is(buf, local, j, C) || is(buf, local, j, SI);
                    if (cell || is(buf, local, j, ROW) || (end && (is(buf, local, j, SHEET_DATA) || is(buf, local, j, SST)))) {
                        if (cellStart >= 0 && pos - cellStart > maxCell) {
                            throw tooLong(name, sharedStrings, limits);
                        }
                        cellStart = cell && !end ? pos : -1;
                        if (!end && is(buf, local, j, ROW)) {
                            rows++;
                        }
                    } else if (!end && is(buf, local, j, SST)) {
                        sharedStrings = true;
                    } else if (!end && is(buf, local, j, MERGE)) {
                        Region region = mergeRef(buf, i, len);
                        if (region != null) {
                            merges.add(region);
                        }
                    }
                }
                long at = base + i;
                if (at - lastAngle > maxCell || (cellStart >= 0 && at - cellStart > maxCell)) {
                    throw tooLong(name, sharedStrings, limits);
                }
                keep = Math.max(0, len - i);
                System.arraycopy(buf, i, buf, 0, keep);
                base += i;
            }
            return new Result(rows, merges, sharedStrings);
        }
    }

    /** 1 when the part starts (after a byte-order mark and white space) with '<', -1 when not, 0 when still unknown. */
    private static int kind(byte[] buf, int len) {
        int i = len >= 3 && (buf[0] & 0xFF) == 0xEF && (buf[1] & 0xFF) == 0xBB && (buf[2] & 0xFF) == 0xBF ? 3 : 0;
        while (i < len && (buf[i] == ' ' || buf[i] == '\t' || buf[i] == '\r' || buf[i] == '\n')) {
            i++;
        }
        if (i == len) {
            return 0;
        }
        return buf[i] == '<' ? 1 : -1;
    }

    private static Cells.Unreadable tooLong(String name, boolean sharedStrings, WorkbookLimits limits) {
        return refuse((sharedStrings ? "工作簿的共享字符串表" : "工作簿的“" + name + "”") + "中有超过 " + limits.maxCellCharacters()
                + " 个字符的单元格（Excel 单元格的上限），不能导入");
    }

    private static Cells.Unreadable refuse(String message) {
        return new Cells.Unreadable(message);
    }

    private static boolean delimiter(byte b) {
        return b == ' ' || b == '>' || b == '/' || b == '\t' || b == '\r' || b == '\n';
    }

    private static boolean is(byte[] buf, int from, int to, byte[] name) {
        if (to - from != name.length) {
            return false;
        }
        for (int k = 0; k < name.length; k++) {
            if (buf[from + k] != name[k]) {
                return false;
            }
        }
        return true;
    }

    private static Region mergeRef(byte[] buf, int i, int len) {
        int r = indexOf(buf, i, Math.min(len, i + 128), REF);
        if (r < 0) {
            return null;
        }
        int start = r + REF.length;
        int end = start;
        while (end < len && end - start < 32 && buf[end] != '"') {
            end++;
        }
        return region(new String(buf, start, end - start, StandardCharsets.US_ASCII));
    }

    private static int indexOf(byte[] buf, int from, int to, byte[] token) {
        outer:
        for (int i = from; i <= to - token.length; i++) {
            for (int k = 0; k < token.length; k++) {
                if (buf[i + k] != token[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** A1:C3 → zero-based inclusive region; a single cell is not a region. */
    static Region region(String ref) {
        int colon = ref.indexOf(':');
        if (colon < 0) {
            return null;
        }
        int[] a = cell(ref.substring(0, colon));
        int[] b = cell(ref.substring(colon + 1));
        if (a == null || b == null) {
            return null;
        }
        return new Region(Math.min(a[0], b[0]), Math.max(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[1], b[1]));
    }

    /** [row, column], zero-based. */
    static int[] cell(String ref) {
        int col = 0;
        int i = 0;
        while (i < ref.length() && Character.isLetter(ref.charAt(i))) {
            col = col * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
            i++;
        }
        if (i == 0 || i == ref.length()) {
            return null;
        }
        try {
            return new int[] {Integer.parseInt(ref.substring(i).replace("$", "")) - 1, col - 1};
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
