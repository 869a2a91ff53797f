package org.qingyuan.evidence.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;

import org.qingyuan.evidence.Attachment;
import org.qingyuan.evidence.EvidenceCategory;
import org.qingyuan.evidence.EvidenceKind;
import org.qingyuan.evidence.EvidenceOwner;
import org.qingyuan.shared.DivisionCode;

/** An {@code evidence_attachment} row read back as the API's {@link Attachment}. */
final class AttachmentRows {

    private AttachmentRows() {
    }

    static Attachment attachment(ResultSet rs, int row) throws SQLException {
        Timestamp captured = rs.getTimestamp("captured_at");
        return new Attachment(rs.getLong("id"), new EvidenceOwner(rs.getString("owner_type"), rs.getLong("owner_id")),
                DivisionCode.of(rs.getString("division_code")), EvidenceCategory.valueOf(rs.getString("category")),
                EvidenceKind.valueOf(rs.getString("kind")), rs.getString("media_type"), rs.getString("file_name"),
                rs.getLong("size_bytes"), rs.getString("sm3"), rs.getString("thumbnail_sm3") != null,
                captured == null ? null : captured.toInstant(), (Double) rs.getObject("latitude"),
                (Double) rs.getObject("longitude"), (Integer) rs.getObject("width"), (Integer) rs.getObject("height"),
                rs.getString("note"), rs.getTimestamp("uploaded_at").toInstant(), rs.getString("uploaded_by"));
    }
}
