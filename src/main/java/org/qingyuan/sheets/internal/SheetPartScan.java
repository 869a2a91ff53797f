package org.qingyuan.sheets.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.qingyuan.sheets.internal.Workbook.Region;

/**
 * One pass over a worksheet part's bytes that counts its {@code <row} elements and collects the
 * {@code ref} of each {@code <mergeCell}. Element names are matched as bytes, which is safe in
 * UTF-8 (multi-byte characters never contain ASCII bytes).
 */
final class SheetPartScan {

    private static final byte[] ROW = "<row".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MERGE = "<mergeCell ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] REF = "ref=\"".getBytes(StandardCharsets.US_ASCII);

    private SheetPartScan() {
    }

    record Result(int rows, List<Region> merges) {
    }

    static Result scan(InputStream part) throws IOException {
        try (InputStream in = part) {
            byte[] buf = new byte[1 << 16];
            int keep = 0;
            int rows = 0;
            List<Region> merges = new ArrayList<>();
            boolean eof = false;
            while (!eof) {
                int n = in.read(buf, keep, buf.length - keep);
                eof = n < 0;
                int len = keep + Math.max(n, 0);
                // an element start this close to the end of the block is read with the next block
                int safeEnd = eof ? len : len - 128;
                int i = 0;
                for (; i < safeEnd; i++) {
                    if (buf[i] != '<') {
                        continue;
                    }
                    if (at(buf, len, i, ROW) && i + 4 < len && (buf[i + 4] == ' ' || buf[i + 4] == '>')) {
                        rows++;
                    } else if (at(buf, len, i, MERGE)) {
                        int r = indexOf(buf, i, Math.min(len, i + 128), REF);
                        if (r >= 0) {
                            int start = r + REF.length;
                            int end = start;
                            while (end < len && buf[end] != '"') {
                                end++;
                            }
                            Region region = region(new String(buf, start, end - start, StandardCharsets.US_ASCII));
                            if (region != null) {
                                merges.add(region);
                            }
                        }
                    }
                }
                keep = Math.max(0, len - i);
                System.arraycopy(buf, i, buf, 0, keep);
            }
            return new Result(rows, merges);
        }
    }

    private static boolean at(byte[] buf, int len, int i, byte[] token) {
        if (i + token.length > len) {
            return false;
        }
        for (int k = 0; k < token.length; k++) {
            if (buf[i + k] != token[k]) {
                return false;
            }
        }
        return true;
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
