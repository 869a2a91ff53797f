package org.qingyuan.assessment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.qingyuan.assessment.AccountabilityGround;
import org.qingyuan.assessment.AccountabilityKind;
import org.qingyuan.assessment.AccountabilityRecord;
import org.qingyuan.assessment.QuarterKey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The accountability records ({@code accountability_record}): inserted, superseded once, never changed or deleted. */
@Repository
class AccountabilityStore {

    private final JdbcClient jdbc;

    AccountabilityStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(AccountabilityRecord r) {
        return jdbc.sql("""
                        INSERT INTO accountability_record (district_code, year, quarter, kind, unit_code, unit_name, persons, reason,
                                                           ground, decided_on, document_id, evidence, supersedes, created_at, created_by)
                        VALUES (:district, :year, :quarter, :kind, :unit, :unitName, :persons, :reason, :ground, :decidedOn, :documentId,
                                CAST(:evidence AS jsonb), :supersedes, :at, :by)
                        RETURNING id
                        """)
                .param("district", r.district()).param("year", r.quarter() == null ? null : r.quarter().year())
                .param("quarter", r.quarter() == null ? null : r.quarter().quarter()).param("kind", r.kind().name())
                .param("unit", r.unitCode()).param("unitName", r.unitName()).param("persons", r.persons()).param("reason", r.reason())
                .param("ground", r.ground().name()).param("decidedOn", r.decidedOn()).param("documentId", r.documentId())
                .param("evidence", AssessmentJson.linksJson(r.evidence())).param("supersedes", r.supersedes())
                .param("at", Timestamp.from(r.createdAt())).param("by", r.createdBy())
                .query(Long.class).single();
    }

    /** Marks a record superseded; false when it was superseded meanwhile. */
    boolean supersede(long id, long by) {
        return jdbc.sql("UPDATE accountability_record SET superseded_by = :by, version = version + 1 WHERE id = :id AND superseded_by IS NULL")
                .param("id", id).param("by", by).update() == 1;
    }

    /** Names the decision document uploaded for a record (once: the document's owner is the record, so it comes second). */
    void attachDocument(long id, long documentId) {
        jdbc.sql("UPDATE accountability_record SET document_id = :doc WHERE id = :id AND document_id IS NULL")
                .param("doc", documentId).param("id", id).update();
    }

    Optional<AccountabilityRecord> find(long id) {
        return jdbc.sql("SELECT * FROM accountability_record WHERE id = :id").param("id", id).query(AccountabilityStore::row).optional();
    }

    /** The district's records, of a quarter, a unit and a kind when given, newest first. */
    List<AccountabilityRecord> list(String district, QuarterKey quarter, String unit, AccountabilityKind kind) {
        return jdbc.sql("""
                        SELECT * FROM accountability_record
                         WHERE district_code = :d
                           AND (CAST(:year AS integer) IS NULL OR (year = :year AND quarter = :quarter))
                           AND (CAST(:unit AS text) IS NULL OR unit_code = :unit)
                           AND (CAST(:kind AS text) IS NULL OR kind = :kind)
                         ORDER BY decided_on DESC, id DESC
                        """)
                .param("d", district).param("year", quarter == null ? null : quarter.year())
                .param("quarter", quarter == null ? null : quarter.quarter()).param("unit", unit)
                .param("kind", kind == null ? null : kind.name())
                .query(AccountabilityStore::row).list();
    }

    private static AccountabilityRecord row(ResultSet rs, int n) throws SQLException {
        int year = rs.getInt("year");
        QuarterKey q = rs.wasNull() ? null : new QuarterKey(year, rs.getInt("quarter"));
        long doc = rs.getLong("document_id");
        Long documentId = rs.wasNull() ? null : doc;
        long sup = rs.getLong("supersedes");
        Long supersedes = rs.wasNull() ? null : sup;
        long supBy = rs.getLong("superseded_by");
        Long supersededBy = rs.wasNull() ? null : supBy;
        Instant at = rs.getTimestamp("created_at").toInstant();
        return new AccountabilityRecord(rs.getLong("id"), rs.getString("district_code"), q,
                AccountabilityKind.valueOf(rs.getString("kind")), rs.getString("unit_code"), rs.getString("unit_name"),
                rs.getString("persons"), rs.getString("reason"), AccountabilityGround.valueOf(rs.getString("ground")),
                rs.getDate("decided_on").toLocalDate(), documentId, AssessmentJson.readLinksJson(rs.getString("evidence")),
                supersedes, supersededBy, at, rs.getString("created_by"));
    }
}
