package org.qingyuan.sheets.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One import as stored: what was uploaded, by whom, in which state, with its counts.
 *
 * @param notes file-level notes (unknown columns, skipped rows, sheets without a header)
 */
public record ImportJob(long id, Layout layout, Mode mode, String fileName, String filePath, long fileSize, String fileDigest,
                 String divisionCode, String username, String displayName, State state, int totalRows, int readRows,
                 int dataRows, int acceptedRows, int rejectedRows, int duplicateRows, int warningRows, String message,
                 List<String> notes, String formUnit, LocalDate formDate, Long sameFileAs, Instant createdAt,
                 Instant startedAt, Instant finishedAt) {

    /** What to do when some rows are bad. */
    public enum Mode {
        /** 导入有效行: write the valid rows, report the others. */
        VALID_ROWS("valid-rows", "导入有效行"),
        /** 全部有效才导入: write nothing unless every row is valid. */
        ALL_OR_NOTHING("all-or-nothing", "全部有效才导入");

        private final String param;
        private final String label;

        Mode(String param, String label) {
            this.param = param;
            this.label = label;
        }

        public String param() {
            return param;
        }

        public String label() {
            return label;
        }

        public static java.util.Optional<Mode> byParam(String param) {
            for (Mode m : values()) {
                if (m.param.equals(param)) {
                    return java.util.Optional.of(m);
                }
            }
            return java.util.Optional.empty();
        }
    }

    /** Where a job is. */
    public enum State {
        /** 排队中: accepted, waiting for a worker. */
        QUEUED("排队中"),
        /** 导入中: being read and checked; nothing is visible in the ledger until it commits. */
        RUNNING("导入中"),
        /** 已导入: the accepted rows are in the ledger. */
        COMMITTED("已导入"),
        /** 未导入: all-or-nothing and some rows were bad; nothing was written. */
        REJECTED("未导入（存在错误行）"),
        /** 失败: the file could not be read or the node stopped; nothing was written. */
        FAILED("失败");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public boolean finished() {
            return this == COMMITTED || this == REJECTED || this == FAILED;
        }
    }

    /** Percent done for the progress bar. */
    public int percent() {
        if (state.finished()) {
            return 100;
        }
        if (totalRows <= 0) {
            return 0;
        }
        return Math.min(99, (int) (100L * readRows / totalRows));
    }
}
