package org.qingyuan.sheets.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.qingyuan.audit.AuditEvent;
import org.qingyuan.sheets.internal.ImportJobs.Counts;

/** The words and the audit record of an import's end: committed, rejected (all or nothing) or failed. */
final class ImportSummaries {

    private ImportSummaries() {
    }

    /** The audit record of an import's end. */
    static AuditEvent auditEvent(String action, ImportJob job, Counts counts) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("file", job.fileName());
        details.put("digest", job.fileDigest());
        details.put("layout", job.layout().param());
        details.put("mode", job.mode().param());
        details.put("dataRows", counts.data);
        details.put("accepted", counts.accepted);
        details.put("rejected", counts.rejected);
        details.put("duplicates", counts.duplicates);
        details.put("warnings", counts.warnings);
        return new AuditEvent(action, "SheetImport", Long.toString(job.id()), "导入 " + job.fileName(), details);
    }

    /** What the report says of a committed import. */
    static String committedMessage(ImportJob job, Counts counts) {
        String m = "已导入 " + counts.accepted + " 行";
        if (counts.rejected > 0) {
            m += "，" + counts.rejected + " 行有错误未导入";
        }
        if (counts.duplicates > 0) {
            m += "，" + counts.duplicates + " 行与台账或本文件重复未导入";
        }
        if (job.sameFileAs() != null) {
            m += "（此文件已于导入任务 #" + job.sameFileAs() + " 导入过）";
        }
        return m;
    }

    /** What the report says of an all-or-nothing import with errors. */
    static String rejectionMessage(Counts counts) {
        return "有 " + counts.rejected + " 行存在错误，按“全部有效才导入”未写入任何数据；请按报告改正后重新导入";
    }
}
