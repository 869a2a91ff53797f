package org.qingyuan.region.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.qingyuan.region.Division;
import org.qingyuan.region.Divisions;
import org.qingyuan.shared.DivisionCode;
import org.qingyuan.shared.DivisionLevel;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Divisions read from the {@code division} table. */
@Repository
class JdbcDivisions implements Divisions {

    private static final String SELECT = """
            SELECT d.code, d.name,
                   (SELECT count(*) FROM division c WHERE c.parent_code = d.code) AS child_count
              FROM division d
            """;

    private static final RowMapper<Division> MAPPER = (rs, i) ->
            new Division(new DivisionCode(rs.getString("code")), rs.getString("name"), rs.getInt("child_count"));

    private final JdbcClient jdbc;

    JdbcDivisions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Division> find(DivisionCode code) {
        return jdbc.sql(SELECT + " WHERE d.code = :code").param("code", code.value()).query(MAPPER).optional();
    }

    @Override
    public List<Division> children(DivisionCode code) {
        return jdbc.sql(SELECT + " WHERE d.parent_code = :code ORDER BY d.code")
                .param("code", code.value()).query(MAPPER).list();
    }

    @Override
    public List<Division> path(DivisionCode code) {
        List<String> codes = new ArrayList<>();
        for (DivisionCode c = code; c != null; c = c.parent()) {
            codes.add(0, c.value());
        }
        return jdbc.sql(SELECT + " WHERE d.code IN (:codes) ORDER BY length(d.code)")
                .param("codes", codes).query(MAPPER).list();
    }

    @Override
    public List<Division> search(String text, DivisionCode within, int limit) {
        String needle = text == null ? "" : text.strip();
        if (needle.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + """
                 WHERE d.name LIKE '%' || :needle || '%'
                   AND d.code LIKE :prefix || '%'
                 ORDER BY length(d.code), d.code
                 LIMIT :limit
                """)
                .param("needle", escapeLike(needle))
                .param("prefix", within == null ? "" : within.prefix())
                .param("limit", limit)
                .query(MAPPER).list();
    }

    @Override
    public String fullName(DivisionCode code) {
        List<Division> path = path(code);
        boolean placeholderCity = path.stream().anyMatch(Division::placeholder);
        StringBuilder name = new StringBuilder();
        for (Division division : path) {
            boolean province = division.level() == DivisionLevel.PROVINCE;
            boolean skip = division.placeholder() || (province && path.size() > 1 && !placeholderCity);
            if (!skip) {
                name.append(division.name());
            }
        }
        return name.toString();
    }

    @Override
    public Map<DivisionLevel, Integer> countByLevel() {
        Map<DivisionLevel, Integer> counts = new EnumMap<>(DivisionLevel.class);
        jdbc.sql("SELECT length(code) AS digits, count(*) AS n FROM division GROUP BY length(code)")
                .query((rs, i) -> {
                    counts.put(DivisionLevel.ofDigits(rs.getInt("digits")), rs.getInt("n"));
                    return null;
                }).list();
        return counts;
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
