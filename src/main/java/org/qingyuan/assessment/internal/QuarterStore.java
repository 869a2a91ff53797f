package org.qingyuan.assessment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.qingyuan.assessment.Quarter;
import org.qingyuan.assessment.QuarterKey;
import org.qingyuan.assessment.QuarterState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored quarters ({@code assessment_quarter}): inserted when frozen, published once; never deleted. */
@Repository
class QuarterStore {

    private static final String COLUMNS = """
            id, district_code, year, quarter, state, cut_off, scheme, inputs, inputs_digest, ranking, frozen_at, frozen_by,
            published_at, published_by, bulletin_name, bulletin_sm3, version""";

    private final JdbcClient jdbc;

    QuarterStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The frozen quarter as stored: its JSON texts beside the parsed quarter. */
    record Stored(Quarter quarter, String schemeJson, String inputsJson, String rankingJson) {
    }

    Optional<Stored> find(String district, QuarterKey key) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM assessment_quarter WHERE district_code = :d AND year = :y AND quarter = :q")
                .param("d", district).param("y", key.year()).param("q", key.quarter())
                .query(QuarterStore::row).optional();
    }

    List<Stored> list(String district) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM assessment_quarter WHERE district_code = :d ORDER BY year DESC, quarter DESC")
                .param("d", district).query(QuarterStore::row).list();
    }

    /** Inserts a frozen quarter; false when it was frozen meanwhile. */
    boolean insertFrozen(String district, QuarterKey key, java.time.LocalDate cutOff, String scheme, String inputs, String digest,
                         String ranking, Instant at, String by) {
        return jdbc.sql("""
                        INSERT INTO assessment_quarter (district_code, year, quarter, state, cut_off, scheme, inputs, inputs_digest,
                                                        ranking, frozen_at, frozen_by, created_at, version)
                        VALUES (:d, :y, :q, 'FROZEN', :cutOff, :scheme, :inputs, :digest, :ranking, :at, :by, :at, 1)
                        ON CONFLICT (district_code, year, quarter) DO NOTHING
                        """)
                .param("d", district).param("y", key.year()).param("q", key.quarter()).param("cutOff", cutOff)
                .param("scheme", scheme).param("inputs", inputs).param("digest", digest).param("ranking", ranking)
                .param("at", Timestamp.from(at)).param("by", by).update() == 1;
    }

    /** Publishes a frozen quarter at the version the caller saw; false when it moved meanwhile. */
    boolean publish(long id, int version, String fileName, String sm3, byte[] bulletin, Instant at, String by) {
        return jdbc.sql("""
                        UPDATE assessment_quarter SET state = 'PUBLISHED', bulletin_name = :name, bulletin_sm3 = :sm3, bulletin = :doc,
                               published_at = :at, published_by = :by, version = version + 1
                         WHERE id = :id AND version = :v AND state = 'FROZEN'
                        """)
                .param("name", fileName).param("sm3", sm3).param("doc", bulletin).param("at", Timestamp.from(at)).param("by", by)
                .param("id", id).param("v", version).update() == 1;
    }

    Optional<byte[]> bulletin(long id) {
        return jdbc.sql("SELECT bulletin FROM assessment_quarter WHERE id = :id AND bulletin IS NOT NULL").param("id", id)
                .query((rs, i) -> rs.getBytes(1)).optional();
    }

    private static Stored row(ResultSet rs, int n) throws SQLException {
        String scheme = rs.getString("scheme");
        String inputs = rs.getString("inputs");
        String ranking = rs.getString("ranking");
        Quarter q = new Quarter(rs.getLong("id"), rs.getString("district_code"), new QuarterKey(rs.getInt("year"), rs.getInt("quarter")),
                QuarterState.valueOf(rs.getString("state")), rs.getDate("cut_off").toLocalDate(),
                scheme == null ? null : AssessmentJson.readScheme(scheme), inputs == null ? null : AssessmentJson.readInputs(inputs),
                rs.getString("inputs_digest"), ranking == null ? null : AssessmentJson.readRanking(ranking),
                instant(rs.getTimestamp("frozen_at")), rs.getString("frozen_by"), instant(rs.getTimestamp("published_at")),
                rs.getString("published_by"), rs.getString("bulletin_name"), rs.getString("bulletin_sm3"), rs.getInt("version"));
        return new Stored(q, scheme, inputs, ranking);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
