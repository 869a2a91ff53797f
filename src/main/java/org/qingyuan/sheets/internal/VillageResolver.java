package org.qingyuan.sheets.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.qingyuan.access.Scope;
import org.qingyuan.region.Division;
import org.qingyuan.region.Divisions;
import org.qingyuan.shared.DivisionCode;
import org.qingyuan.shared.DivisionLevel;

/**
 * Resolves the village or community names people write (金河社区, 大田村, 五星北路社区居委会, 六道湾街道 五星北路社区,
 * 古荥镇毛庄村三组, 德裕) against the district of the importing user, in the forms {@link VillageNames} derives
 * from the official names, with an optional town in front and a village group (三组) behind.
 * <p>
 * Each name is judged inside the form's unit: the town its unit row names, or the importing officer's
 * town, or the whole district. A name two villages of the unit share is rejected naming both; a village
 * of another town of the district is rejected saying which town it belongs to. Answers are cached, as a
 * file repeats its villages.
 */
final class VillageResolver {

    /** The division found, and what the text said beyond it (a village group, kept with the address). */
    record Resolved(DivisionCode division, String rest) {
    }

    private static final Pattern GROUP = Pattern.compile("(第?[一二三四五六七八九十百零〇两\\d]+(村民)?小?组|[东西南北中前后]?[一二三四五六七八九十\\d]+队)$");

    private final Scope scope;
    private final DivisionCode root;
    private final List<Map<String, Set<Division>>> tiers = List.of(new HashMap<>(), new HashMap<>(), new HashMap<>());
    private final Map<String, Set<Division>> towns = new HashMap<>();
    private final List<String> townFormsLongestFirst;
    private final Map<DivisionCode, String> townNames = new HashMap<>();
    private final List<String> regionPrefixes = new ArrayList<>();
    private final Map<String, Object> cache = new HashMap<>();
    /** The unit whose villages a form may contain; its name as the messages say it. */
    private DivisionCode unit;
    private String unitName;

    VillageResolver(Divisions divisions, Scope scope) {
        this.scope = scope;
        DivisionCode s = scope.division();
        this.root = s.level().compareTo(DivisionLevel.COUNTY) > 0 ? DivisionCode.of(s.value().substring(0, 6)) : s;
        load(divisions);
        this.townFormsLongestFirst = towns.keySet().stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        for (Division d : divisions.path(root)) {
            if (!d.placeholder()) {
                regionPrefixes.add(VillageNames.plain(d.name()));
            }
        }
        if (s.level().compareTo(DivisionLevel.COUNTY) > 0) {
            unit = s;
            unitName = townNames.getOrDefault(s, divisions.find(s).map(Division::name).orElse(s.value()));
        }
    }

    private void load(Divisions divisions) {
        List<Division> level = new ArrayList<>();
        divisions.find(root).ifPresent(level::add);
        while (!level.isEmpty()) {
            List<Division> next = new ArrayList<>();
            for (Division d : level) {
                if (d.level() == DivisionLevel.TOWN) {
                    index(towns, d, VillageNames.townForms(d.name()));
                    townNames.put(d.code(), d.name());
                } else if (d.level() == DivisionLevel.VILLAGE) {
                    index(tiers.get(0), d, VillageNames.strictForms(d.name()));
                    index(tiers.get(1), d, VillageNames.looseForms(d.name()));
                    index(tiers.get(2), d, VillageNames.unbracketedForms(d.name()));
                }
                if (d.hasChildren() && d.level().compareTo(DivisionLevel.VILLAGE) < 0) {
                    next.addAll(divisions.children(d.code()));
                }
            }
            level = next;
        }
    }

    private static void index(Map<String, Set<Division>> map, Division d, Set<String> forms) {
        for (String f : forms) {
            if (!f.isEmpty()) {
                map.computeIfAbsent(f, k -> new LinkedHashSet<>()).add(d);
            }
        }
    }

    /**
     * Takes the unit row of the form (填报单位：古荥镇人民政府): when it names a town of the importer's
     * jurisdiction, the form may only contain that town's villages.
     *
     * @return a note for the import report when the unit row names no such town, else null
     */
    String formUnit(String unitText) {
        if (unitText == null || unitText.isBlank()) {
            return null;
        }
        DivisionCode found = town(unitText);
        String name = found == null ? null : townNames.get(found);
        if (found == null) {
            // a community filling in its own table: 单位名称：金河社区
            Set<Division> village = tiers.get(0).get(stripRegion(VillageNames.plain(unitText)));
            if (village != null && village.size() == 1) {
                Division d = village.iterator().next();
                found = d.code();
                name = VillageNames.parts(d.name()).shortName();
            }
        }
        if (found == null) {
            String plain = VillageNames.plain(unitText);
            // 惠济区, 惠济区环境保护局: a district-level form
            return regionPrefixes.contains(plain) || !stripRegion(plain).equals(plain) ? null
                    : "填报单位“" + unitText + "”不是本区的镇（街道）或村（社区），各行按您的辖区核对";
        }
        if (!scope.covers(found)) {
            return "填报单位“" + unitText + "”不在您的辖区内，各行按您的辖区核对";
        }
        unit = found;
        unitName = name;
        cache.clear();
        return null;
    }

    /** The town or street a text names (六道湾, 六道湾街道办事处, 古荥镇人民政府, 水磨沟区六道湾街道), or null. */
    DivisionCode town(String text) {
        String key = VillageNames.plain(text);
        for (String k : List.of(key, stripRegion(key))) {
            Set<Division> found = towns.get(k);
            if (found != null && found.size() == 1) {
                return found.iterator().next().code();
            }
        }
        return null;
    }

    /** The town of the form's unit, when there is one. */
    DivisionCode unit() {
        return unit;
    }

    private String stripRegion(String key) {
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (String p : regionPrefixes) {
                if (key.startsWith(p) && key.length() > p.length()) {
                    key = key.substring(p.length());
                    stripped = true;
                }
            }
        }
        return key;
    }

    /**
     * The division a text names inside the unit.
     *
     * @throws Cells.Unreadable with the Chinese reason when it is unknown, ambiguous or of another unit
     */
    Resolved resolve(String text) {
        String key = VillageNames.plain(text);
        Object cached = cache.get(key);
        if (cached == null) {
            try {
                cached = find(key, text);
            } catch (Cells.Unreadable e) {
                cached = e.getMessage();
            }
            cache.put(key, cached);
        }
        if (cached instanceof String reason) {
            throw new Cells.Unreadable(reason);
        }
        return (Resolved) cached;
    }

    private Resolved find(String key, String original) {
        if (key.matches("\\d{9}|\\d{12}")) {
            DivisionCode code = DivisionCode.of(key);
            if (!scope.covers(code)) {
                throw new Cells.Unreadable("区划代码 " + key + " 不在您的辖区内");
            }
            if (unit != null && !unit.contains(code)) {
                throw new Cells.Unreadable("区划代码 " + key + " 属于" + townNames.getOrDefault(code.level() == DivisionLevel.TOWN
                        ? code : code.parent(), "其他镇（街道）") + "，不属于本表填报单位" + unitName);
            }
            return new Resolved(code, null);
        }
        Resolved r = findName(key);
        if (r == null && !stripRegion(key).equals(key)) {
            r = findName(stripRegion(key));
        }
        if (r == null) {
            throw new Cells.Unreadable("“" + original + "”不是您辖区内的村（社区）名称");
        }
        return r;
    }

    private Resolved findName(String key) {
        Resolved r = match(key, null);
        if (r != null) {
            return r;
        }
        // a town in front: 古荥镇毛庄村, 六道湾街道五星北路社区
        for (String form : townFormsLongestFirst) {
            if (key.startsWith(form) && key.length() > form.length()) {
                String rest = key.substring(form.length());
                for (Division town : towns.get(form)) {
                    Resolved inTown = match(rest, town.code());
                    if (inTown != null) {
                        return inTown;
                    }
                }
            }
        }
        // a village group behind: 毛庄村三组
        Matcher g = GROUP.matcher(key);
        if (g.find() && g.start() > 0) {
            Resolved village = findName(key.substring(0, g.start()));
            if (village != null) {
                return new Resolved(village.division(), g.group());
            }
        }
        Set<Division> town = towns.get(key);
        if (town != null && town.size() == 1) {
            DivisionCode code = town.iterator().next().code();
            if (unit != null && !unit.contains(code)) {
                throw new Cells.Unreadable(townNames.get(code) + "不是本表填报单位" + unitName);
            }
            return new Resolved(code, null);
        }
        return null;
    }

    /**
     * The village a form names, first among the villages of the unit (and of the town written in front),
     * official forms before bare stems; null when no village of the district has that form.
     */
    private Resolved match(String key, DivisionCode town) {
        List<List<Division>> found = new ArrayList<>();
        for (Map<String, Set<Division>> tier : tiers) {
            Set<Division> all = tier.get(key);
            found.add(all == null ? List.of() : all.stream().filter(d -> town == null || town.contains(d.code())).toList());
        }
        for (List<Division> candidates : found) {
            List<Division> inUnit = candidates.stream().filter(d -> unit == null || unit.contains(d.code())).toList();
            if (inUnit.size() == 1) {
                return new Resolved(inUnit.get(0).code(), null);
            }
            if (inUnit.size() > 1) {
                throw new Cells.Unreadable("“" + key + "”" + (unit == null ? "在辖区内" : "在" + unitName) + "有多个：" + names(inUnit)
                        + "，请写明是哪一个");
            }
        }
        for (List<Division> candidates : found) {
            if (candidates.size() == 1) {
                Division d = candidates.get(0);
                throw new Cells.Unreadable(VillageNames.parts(d.name()).shortName() + "属于" + townNames.get(d.code().parent())
                        + "，不属于本表填报单位" + unitName);
            }
            if (candidates.size() > 1) {
                throw new Cells.Unreadable("“" + key + "”是" + names(candidates) + "，都不属于本表填报单位" + unitName);
            }
        }
        return null;
    }

    private String names(List<Division> villages) {
        return String.join("、", villages.stream()
                .map(d -> townNames.getOrDefault(d.code().parent(), "") + VillageNames.parts(d.name()).shortName()).toList());
    }
}
