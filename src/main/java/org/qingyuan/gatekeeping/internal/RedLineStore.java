package org.qingyuan.gatekeeping.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.qingyuan.gatekeeping.RedLineArea;
import org.qingyuan.shared.DivisionCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Table {@code red_line_area}; parsed polygons are cached by id and version. */
@Component
class RedLineStore {

    private final JdbcClient jdbc;
    private final Map<String, RedLineBoundary> boundaries = new ConcurrentHashMap<>();
    /** Applicable areas by caller division, kept {@link #TTL_NANOS}: a change on another node applies there within it. */
    private final Map<String, Cached> applicable = new ConcurrentHashMap<>();
    static final long TTL_NANOS = 5_000_000_000L;

    private record Cached(long at, List<RedLineArea> areas) {
    }

    RedLineStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Active areas kept by the caller's division, by a division above it or below it; cached per node for five seconds
     * (a change on this node clears the cache at once).
     */
    List<RedLineArea> applicable(DivisionCode caller) {
        long now = System.nanoTime();
        Cached cached = applicable.get(caller.value());
        if (cached != null && now - cached.at() < TTL_NANOS) {
            return cached.areas();
        }
        List<RedLineArea> areas = load(caller);
        applicable.put(caller.value(), new Cached(now, areas));
        return areas;
    }

    private List<RedLineArea> load(DivisionCode caller) {
        return jdbc.sql("""
                        SELECT * FROM red_line_area
                         WHERE active AND (division_code LIKE :prefix || '%' OR :code LIKE division_code || '%')
                         ORDER BY id
                        """)
                .param("prefix", caller.prefix()).param("code", caller.value()).query(RedLineStore::row).list().stream().toList();
    }

    /** Every area (also inactive) under the division, for the page and the API. */
    List<RedLineArea> list(DivisionCode within) {
        return jdbc.sql("SELECT * FROM red_line_area WHERE division_code LIKE :prefix || '%' ORDER BY active DESC, id DESC")
                .param("prefix", within.prefix()).query(RedLineStore::row).list();
    }

    java.util.Optional<RedLineArea> find(long id) {
        return jdbc.sql("SELECT * FROM red_line_area WHERE id = :id").param("id", id).query(RedLineStore::row).optional();
    }

    long insert(RedLineArea a, String by) {
        applicable.clear();
        return jdbc.sql("""
                        INSERT INTO red_line_area (division_code, name, division_codes, boundary, banned_industries, document_title,
                                                   document_number, document_attachment_id, legal_basis, created_by, updated_by)
                        VALUES (:division, :name, :divisions, :boundary, :industries, :title, :number, :attachment, :basis, :by, :by)
                        RETURNING id
                        """)
                .param("division", a.divisionCode()).param("name", a.name())
                .param("divisions", a.divisionCodes().toArray(String[]::new)).param("boundary", a.boundary())
                .param("industries", a.bannedIndustries().toArray(String[]::new)).param("title", a.documentTitle())
                .param("number", a.documentNumber()).param("attachment", a.documentAttachmentId())
                .param("basis", a.legalBasis()).param("by", by).query(Long.class).single();
    }

    /** Replaces the area's fields if its version is still {@code version}; false when stale. */
    boolean update(RedLineArea a, int version, String by) {
        applicable.clear();
        return jdbc.sql("""
                        UPDATE red_line_area SET name = :name, division_codes = :divisions, boundary = :boundary,
                               banned_industries = :industries, document_title = :title, document_number = :number,
                               document_attachment_id = :attachment, legal_basis = :basis, active = :active,
                               version = version + 1, updated_by = :by, updated_at = now()
                         WHERE id = :id AND version = :version
                        """)
                .param("id", a.id()).param("version", version).param("name", a.name())
                .param("divisions", a.divisionCodes().toArray(String[]::new)).param("boundary", a.boundary())
                .param("industries", a.bannedIndustries().toArray(String[]::new)).param("title", a.documentTitle())
                .param("number", a.documentNumber()).param("attachment", a.documentAttachmentId())
                .param("basis", a.legalBasis()).param("active", a.active()).param("by", by).update() == 1;
    }

    /** Links the area's document (uploaded after the row was made, as the dossier needs its id). */
    void setDocument(long id, long attachmentId) {
        jdbc.sql("UPDATE red_line_area SET document_attachment_id = :a WHERE id = :id").param("a", attachmentId)
                .param("id", id).update();
    }

    /** The area's polygon, parsed once per version; null without one. */
    RedLineBoundary boundary(RedLineArea area) {
        if (area.boundary() == null) {
            return null;
        }
        return boundaries.computeIfAbsent(area.id() + "@" + area.version(), k -> RedLineBoundary.parse(area.boundary()));
    }

    private static RedLineArea row(ResultSet rs, int i) throws SQLException {
        return new RedLineArea(rs.getLong("id"), rs.getString("division_code"), rs.getString("name"),
                strings(rs.getArray("division_codes")), rs.getString("boundary"), strings(rs.getArray("banned_industries")),
                rs.getString("document_title"), rs.getString("document_number"), rs.getObject("document_attachment_id", Long.class),
                rs.getString("legal_basis"), rs.getBoolean("active"), rs.getInt("version"), rs.getString("updated_by"),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
