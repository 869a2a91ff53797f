package org.qingyuan.sheets.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.qingyuan.sheets.internal.ImportJob;

/** An import job as the API shows it. */
final class ImportJson {

    private ImportJson() {
    }

    static Map<String, Object> of(ImportJob j) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", j.id());
        m.put("layout", j.layout().param());
        m.put("mode", j.mode().param());
        m.put("fileName", j.fileName());
        m.put("fileSize", j.fileSize());
        m.put("fileDigest", j.fileDigest());
        m.put("state", j.state().name());
        m.put("stateLabel", j.state().label());
        m.put("finished", j.state().finished());
        m.put("percent", j.percent());
        m.put("totalRows", j.totalRows());
        m.put("readRows", j.readRows());
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("dataRows", j.dataRows());
        counts.put("accepted", j.acceptedRows());
        counts.put("rejected", j.rejectedRows());
        counts.put("duplicates", j.duplicateRows());
        counts.put("warnings", j.warningRows());
        m.put("counts", counts);
        m.put("message", j.message());
        m.put("notes", j.notes());
        m.put("formUnit", j.formUnit());
        m.put("formDate", j.formDate() == null ? null : j.formDate().toString());
        m.put("sameFileAs", j.sameFileAs());
        m.put("createdBy", j.displayName() == null ? j.username() : j.displayName());
        m.put("createdAt", j.createdAt() == null ? null : j.createdAt().toString());
        m.put("startedAt", j.startedAt() == null ? null : j.startedAt().toString());
        m.put("finishedAt", j.finishedAt() == null ? null : j.finishedAt().toString());
        m.put("links", Map.of("self", "/api/v1/imports/" + j.id(), "rows", "/api/v1/imports/" + j.id() + "/rows",
                "report", "/api/v1/imports/" + j.id() + "/report.xlsx", "page", "/imports/" + j.id()));
        return m;
    }
}
