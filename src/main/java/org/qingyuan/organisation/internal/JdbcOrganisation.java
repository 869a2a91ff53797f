package org.qingyuan.organisation.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.qingyuan.organisation.Liaison;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The tables {@code leading_group_member}, {@code campaign_office}, {@code liaison} and their change history. */
@Repository
class JdbcOrganisation {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    JdbcOrganisation(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The liaisons by unit key (names of the units are the caller's). */
    Map<String, Liaison> liaisons() {
        Map<String, Liaison> out = new HashMap<>();
        jdbc.sql("SELECT unit_key, section, name, post, phone, version FROM liaison").query(rs -> {
            out.put(rs.getString(1), new Liaison(rs.getString(1), null, rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getString(5), rs.getInt(6)));
        });
        return out;
    }

    Optional<Liaison> liaison(String unitKey) {
        return jdbc.sql("SELECT unit_key, section, name, post, phone, version FROM liaison WHERE unit_key = :key FOR UPDATE")
                .param("key", unitKey)
                .query((rs, i) -> new Liaison(rs.getString(1), null, rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6))).optional();
    }

    /** Writes the liaison if nobody changed it since {@code version} (0: none yet); answers the new version or -1. */
    int saveLiaison(String unitKey, String divisionCode, Liaison l, int version, Instant at, String by) {
        if (version == 0) {
            int inserted = jdbc.sql("""
                            INSERT INTO liaison (unit_key, division_code, section, name, post, phone, version, updated_at, updated_by)
                            VALUES (:key, :division, :section, :name, :post, :phone, 1, :at, :by) ON CONFLICT (unit_key) DO NOTHING
                            """)
                    .param("key", unitKey).param("division", divisionCode).param("section", l.section()).param("name", l.name())
                    .param("post", l.post()).param("phone", l.phone()).param("at", Timestamp.from(at)).param("by", by).update();
            return inserted == 1 ? 1 : -1;
        }
        int updated = jdbc.sql("""
                        UPDATE liaison SET section = :section, name = :name, post = :post, phone = :phone, version = version + 1,
                               updated_at = :at, updated_by = :by
                         WHERE unit_key = :key AND version = :version
                        """)
                .param("key", unitKey).param("section", l.section()).param("name", l.name()).param("post", l.post())
                .param("phone", l.phone()).param("at", Timestamp.from(at)).param("by", by).param("version", version).update();
        return updated == 1 ? version + 1 : -1;
    }

    List<LeadingGroupMember> members(String district) {
        return jdbc.sql("""
                        SELECT id, role, person, unit, post, version FROM leading_group_member
                         WHERE district_code = :district AND active
                         ORDER BY CASE role WHEN 'LEADER' THEN 0 WHEN 'DEPUTY' THEN 1 ELSE 2 END, id
                        """)
                .param("district", district)
                .query((rs, i) -> new LeadingGroupMember(rs.getLong(1), LeadingGroupMember.Role.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6))).list();
    }

    Optional<LeadingGroupMember> member(String district, long id) {
        return members(district).stream().filter(m -> m.id() == id).findFirst();
    }

    long addMember(String district, LeadingGroupMember m, Instant at, String by) {
        return jdbc.sql("""
                        INSERT INTO leading_group_member (district_code, role, person, unit, post, updated_at, updated_by)
                        VALUES (:district, :role, :person, :unit, :post, :at, :by) RETURNING id
                        """)
                .param("district", district).param("role", m.role().name()).param("person", m.person()).param("unit", m.unit())
                .param("post", m.post()).param("at", Timestamp.from(at)).param("by", by).query(Long.class).single();
    }

    /** Replaces a member's fields, or takes the member out of the group ({@code active} false); false when stale. */
    boolean updateMember(String district, LeadingGroupMember m, boolean active, Instant at, String by) {
        return jdbc.sql("""
                        UPDATE leading_group_member SET role = :role, person = :person, unit = :unit, post = :post, active = :active,
                               version = version + 1, updated_at = :at, updated_by = :by
                         WHERE id = :id AND district_code = :district AND active AND version = :version
                        """)
                .param("role", m.role().name()).param("person", m.person()).param("unit", m.unit()).param("post", m.post())
                .param("active", active).param("at", Timestamp.from(at)).param("by", by).param("id", m.id())
                .param("district", district).param("version", m.version()).update() == 1;
    }

    CampaignOffice office(String district) {
        return jdbc.sql("SELECT location, director, phone, version FROM campaign_office WHERE district_code = :district")
                .param("district", district)
                .query((rs, i) -> new CampaignOffice(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
                .optional().orElse(CampaignOffice.NONE);
    }

    /** Writes the office if nobody changed it since {@code version} (0: none yet); false when stale. */
    boolean saveOffice(String district, CampaignOffice o, int version, Instant at, String by) {
        String sql = version == 0 ? """
                INSERT INTO campaign_office (district_code, location, director, phone, updated_at, updated_by)
                VALUES (:district, :location, :director, :phone, :at, :by) ON CONFLICT (district_code) DO NOTHING
                """ : """
                UPDATE campaign_office SET location = :location, director = :director, phone = :phone, version = version + 1,
                       updated_at = :at, updated_by = :by
                 WHERE district_code = :district AND version = :version
                """;
        return jdbc.sql(sql).param("district", district).param("location", o.location()).param("director", o.director())
                .param("phone", o.phone()).param("at", Timestamp.from(at)).param("by", by).param("version", version).update() == 1;
    }

    /** Appends the row as it became to the history. */
    void recordChange(String type, String key, int version, Object content, String reason, Instant at, String by) {
        jdbc.sql("""
                        INSERT INTO organisation_change (object_type, object_key, version, content, reason, changed_at, changed_by)
                        VALUES (:type, :key, :version, CAST(:content AS jsonb), :reason, :at, :by)
                        """)
                .param("type", type).param("key", key).param("version", version).param("content", JSON.writeValueAsString(content))
                .param("reason", reason).param("at", Timestamp.from(at)).param("by", by).update();
    }

    int changeCount(String type, String key) {
        return jdbc.sql("SELECT count(*) FROM organisation_change WHERE object_type = :type AND object_key = :key")
                .param("type", type).param("key", key).query(Integer.class).single();
    }
}
