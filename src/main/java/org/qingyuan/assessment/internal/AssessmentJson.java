package org.qingyuan.assessment.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.qingyuan.assessment.EvidenceLink;
import org.qingyuan.assessment.FrozenInputs;
import org.qingyuan.assessment.IndicatorValue;
import org.qingyuan.assessment.Ranking;
import org.qingyuan.policy.AssessmentScheme;

import tools.jackson.databind.json.JsonMapper;

/**
 * The canonical JSON of a quarter's scheme, inputs and ranking: objects with their keys sorted, no white space,
 * decimals as their plain strings, dates as ISO strings. The inputs' digest is SM3 of exactly this text, so anyone can
 * take the stored inputs, check the digest, and recompute the ranking.
 */
public final class AssessmentJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AssessmentJson() {
    }

    // ---------------------------------------------------------------- inputs

    public static String inputs(FrozenInputs in) {
        Map<String, Object> m = new TreeMap<>();
        m.put("district", in.district());
        m.put("year", in.year());
        m.put("quarter", in.quarter());
        m.put("from", in.from().toString());
        m.put("to", in.to().toString());
        m.put("cutOff", in.cutOff().toString());
        List<Object> towns = new ArrayList<>();
        for (FrozenInputs.Town t : in.towns()) {
            towns.add(new TreeMap<>(Map.of("code", t.code(), "name", t.name())));
        }
        m.put("towns", towns);
        Map<String, Object> values = new TreeMap<>();
        in.values().forEach((code, byTown) -> {
            Map<String, Object> v = new TreeMap<>();
            byTown.forEach((town, value) -> v.put(town, value(value)));
            values.put(code, v);
        });
        m.put("values", values);
        return write(m);
    }

    @SuppressWarnings("unchecked")
    public static FrozenInputs readInputs(String json) {
        Map<String, Object> m = read(json);
        List<FrozenInputs.Town> towns = new ArrayList<>();
        for (Object o : (List<Object>) m.get("towns")) {
            Map<String, Object> t = (Map<String, Object>) o;
            towns.add(new FrozenInputs.Town((String) t.get("code"), (String) t.get("name")));
        }
        Map<String, Map<String, IndicatorValue>> values = new HashMap<>();
        ((Map<String, Object>) m.get("values")).forEach((code, byTown) -> {
            Map<String, IndicatorValue> v = new HashMap<>();
            ((Map<String, Object>) byTown).forEach((town, value) -> v.put(town, readValue((Map<String, Object>) value)));
            values.put(code, v);
        });
        return new FrozenInputs((String) m.get("district"), ((Number) m.get("year")).intValue(), ((Number) m.get("quarter")).intValue(),
                LocalDate.parse((String) m.get("from")), LocalDate.parse((String) m.get("to")), LocalDate.parse((String) m.get("cutOff")),
                towns, values);
    }

    private static Map<String, Object> value(IndicatorValue v) {
        Map<String, Object> m = new TreeMap<>();
        m.put("value", v.value().toPlainString());
        m.put("basis", v.basis());
        m.put("evidence", links(v.evidence()));
        return m;
    }

    @SuppressWarnings("unchecked")
    private static IndicatorValue readValue(Map<String, Object> m) {
        return new IndicatorValue(new BigDecimal((String) m.get("value")), (String) m.get("basis"),
                readLinks((List<Object>) m.get("evidence")));
    }

    public static List<Object> links(List<EvidenceLink> links) {
        List<Object> out = new ArrayList<>();
        for (EvidenceLink l : links) {
            Map<String, Object> e = new TreeMap<>();
            e.put("type", l.type());
            e.put("id", l.id());
            e.put("label", l.label());
            e.put("href", l.href());
            out.add(e);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    public static List<EvidenceLink> readLinks(List<Object> list) {
        List<EvidenceLink> out = new ArrayList<>();
        for (Object o : list) {
            Map<String, Object> e = (Map<String, Object>) o;
            out.add(new EvidenceLink((String) e.get("type"), (String) e.get("id"), (String) e.get("label"), (String) e.get("href")));
        }
        return out;
    }

    public static String linksJson(List<EvidenceLink> links) {
        return write(links(links));
    }

    @SuppressWarnings("unchecked")
    public static List<EvidenceLink> readLinksJson(String json) {
        return readLinks(JSON.readValue(json, List.class));
    }

    // ---------------------------------------------------------------- scheme

    public static String scheme(AssessmentScheme s) {
        Map<String, Object> m = new TreeMap<>();
        m.put("cutOffDays", s.cutOffDays());
        m.put("source", s.source());
        List<Object> indicators = new ArrayList<>();
        for (AssessmentScheme.Indicator i : s.indicators()) {
            Map<String, Object> e = new TreeMap<>();
            e.put("code", i.code());
            e.put("name", i.name());
            e.put("weight", i.weight());
            e.put("direction", i.direction().name());
            e.put("source", i.source());
            indicators.add(e);
        }
        m.put("indicators", indicators);
        return write(m);
    }

    @SuppressWarnings("unchecked")
    public static AssessmentScheme readScheme(String json) {
        Map<String, Object> m = read(json);
        List<AssessmentScheme.Indicator> indicators = new ArrayList<>();
        for (Object o : (List<Object>) m.get("indicators")) {
            Map<String, Object> e = (Map<String, Object>) o;
            indicators.add(new AssessmentScheme.Indicator((String) e.get("code"), (String) e.get("name"),
                    ((Number) e.get("weight")).intValue(), AssessmentScheme.Direction.valueOf((String) e.get("direction")),
                    (String) e.get("source")));
        }
        return new AssessmentScheme(indicators, ((Number) m.get("cutOffDays")).intValue(), (String) m.get("source"));
    }

    // ---------------------------------------------------------------- ranking

    public static String ranking(Ranking r) {
        Map<String, Object> m = new TreeMap<>();
        List<Object> weights = new ArrayList<>();
        for (Ranking.Weight w : r.weights()) {
            Map<String, Object> e = new TreeMap<>();
            e.put("code", w.code());
            e.put("name", w.name());
            e.put("direction", w.direction());
            e.put("declared", w.declared());
            e.put("effective", w.effective().toPlainString());
            e.put("counted", w.counted());
            e.put("missing", w.missing());
            weights.add(e);
        }
        m.put("weights", weights);
        List<Object> rows = new ArrayList<>();
        for (Ranking.Row row : r.rows()) {
            Map<String, Object> e = new TreeMap<>();
            e.put("rank", row.rank());
            e.put("town", row.town());
            e.put("name", row.name());
            e.put("score", row.score().toPlainString());
            List<Object> cells = new ArrayList<>();
            for (Ranking.Cell c : row.cells()) {
                Map<String, Object> x = new TreeMap<>();
                x.put("code", c.code());
                x.put("value", plain(c.value()));
                x.put("basis", c.basis());
                x.put("normalised", plain(c.normalised()));
                x.put("points", plain(c.points()));
                cells.add(x);
            }
            e.put("cells", cells);
            rows.add(e);
        }
        m.put("rows", rows);
        return write(m);
    }

    @SuppressWarnings("unchecked")
    public static Ranking readRanking(String json) {
        Map<String, Object> m = read(json);
        List<Ranking.Weight> weights = new ArrayList<>();
        for (Object o : (List<Object>) m.get("weights")) {
            Map<String, Object> e = (Map<String, Object>) o;
            weights.add(new Ranking.Weight((String) e.get("code"), (String) e.get("name"), (String) e.get("direction"),
                    ((Number) e.get("declared")).intValue(), new BigDecimal((String) e.get("effective")), (Boolean) e.get("counted"),
                    List.copyOf((List<String>) e.get("missing"))));
        }
        List<Ranking.Row> rows = new ArrayList<>();
        for (Object o : (List<Object>) m.get("rows")) {
            Map<String, Object> e = (Map<String, Object>) o;
            List<Ranking.Cell> cells = new ArrayList<>();
            for (Object c : (List<Object>) e.get("cells")) {
                Map<String, Object> x = (Map<String, Object>) c;
                cells.add(new Ranking.Cell((String) x.get("code"), decimal(x.get("value")), (String) x.get("basis"),
                        decimal(x.get("normalised")), decimal(x.get("points"))));
            }
            rows.add(new Ranking.Row(((Number) e.get("rank")).intValue(), (String) e.get("town"), (String) e.get("name"),
                    new BigDecimal((String) e.get("score")), cells));
        }
        return new Ranking(weights, rows);
    }

    private static String plain(BigDecimal d) {
        return d == null ? null : d.toPlainString();
    }

    private static BigDecimal decimal(Object o) {
        return o == null ? null : new BigDecimal((String) o);
    }

    private static String write(Object o) {
        return JSON.writeValueAsString(o);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(String json) {
        return JSON.readValue(json, Map.class);
    }
}
