package org.qingyuan.sheets.internal;

import java.text.Normalizer;
import java.util.ArrayList;
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
 * Resolves the village or community names people write (金河社区, 毛庄村, 古荥镇毛庄村三组,
 * 石桥村委会) against the importing user's own division tree: official names and their usual
 * short forms, an optional town in front, a village group (三组) behind. An unknown or ambiguous
 * name is answered with the Chinese reason; results are cached, as a file repeats its villages.
 */
final class VillageResolver {

    /** The division found, and what the text said beyond it (a village group, kept with the address). */
    record Resolved(DivisionCode division, String rest) {
    }

    private static final Pattern GROUP = Pattern.compile("(第?[一二三四五六七八九十百零〇两\\d]+(村民)?小?组|[东西南北中前后]?[一二三四五六七八九十\\d]+队)$");
    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");

    private final Scope scope;
    private final Map<String, Set<Division>> villages = new HashMap<>();
    private final Map<String, Set<Division>> villagesLoose = new HashMap<>();
    private final Map<String, Set<Division>> towns = new HashMap<>();
    private final Map<String, Object> cache = new HashMap<>();
    private final Map<DivisionCode, String> townNames = new HashMap<>();

    VillageResolver(Divisions divisions, Scope scope) {
        this.scope = scope;
        load(divisions, scope.division());
    }

    private void load(Divisions divisions, DivisionCode root) {
        List<Division> level = new ArrayList<>();
        divisions.find(root).ifPresent(level::add);
        while (!level.isEmpty()) {
            List<Division> next = new ArrayList<>();
            for (Division d : level) {
                if (d.level() == DivisionLevel.TOWN) {
                    index(towns, d, townForms(d.name()));
                    townNames.put(d.code(), d.name());
                } else if (d.level() == DivisionLevel.VILLAGE) {
                    List<List<String>> forms = villageForms(d.name());
                    index(villages, d, forms.get(0));
                    index(villagesLoose, d, forms.get(1));
                }
                if (d.hasChildren() && d.level().compareTo(DivisionLevel.VILLAGE) < 0) {
                    next.addAll(divisions.children(d.code()));
                }
            }
            level = next;
        }
    }

    private static void index(Map<String, Set<Division>> map, Division d, List<String> forms) {
        for (String f : forms) {
            if (!f.isEmpty()) {
                map.computeIfAbsent(f, k -> new LinkedHashSet<>()).add(d);
            }
        }
    }

    /** 金河社区居民委员会 → 金河社区居民委员会, 金河社区, 金河社区居委会 (strict) and 金河 (loose). */
    static List<List<String>> villageForms(String official) {
        String n = plain(official);
        List<String> strict = new ArrayList<>(List.of(n));
        List<String> loose = new ArrayList<>();
        if (n.endsWith("居民委员会")) {
            String base = n.substring(0, n.length() - 5);
            strict.add(base);
            strict.add(base + "居委会");
            strict.add(base + "居委");
            if (base.endsWith("社区") && base.length() > 3) {
                loose.add(base.substring(0, base.length() - 2));
            }
        } else if (n.endsWith("村民委员会")) {
            String base = n.substring(0, n.length() - 5);
            // 石桥村民委员会 is 石桥村; 古荥村村民委员会 is 古荥村
            String village = base.endsWith("村") ? base : base + "村";
            strict.add(village);
            strict.add(village + "委会");
            strict.add(village + "委");
            strict.add(village + "民委员会");
            String bare = village.substring(0, village.length() - 1);
            if (bare.length() >= 2) {
                loose.add(bare);
            }
        } else if (n.endsWith("委员会")) {
            strict.add(n.substring(0, n.length() - 3));
        }
        return List.of(strict, loose);
    }

    /** 新城街道 → 新城街道, 新城街道办事处, 新城办事处, 新城办, 新城; 古荥镇 → 古荥镇, 古荥. */
    static List<String> townForms(String official) {
        String n = plain(official);
        List<String> out = new ArrayList<>(List.of(n));
        for (String suffix : List.of("街道办事处", "办事处", "街道", "镇", "乡")) {
            if (n.endsWith(suffix) && n.length() > suffix.length() + 1) {
                String base = n.substring(0, n.length() - suffix.length());
                out.add(base);
                if (suffix.equals("街道")) {
                    out.add(base + "街道办事处");
                    out.add(base + "办事处");
                    out.add(base + "办");
                }
                break;
            }
        }
        return out;
    }

    /**
     * The division a text names inside the scope.
     *
     * @throws Cells.Unreadable with the Chinese reason when it is unknown or ambiguous
     */
    Resolved resolve(String text) {
        String key = plain(text);
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
            return new Resolved(code, null);
        }
        Resolved r = within(key, null);
        if (r != null) {
            return r;
        }
        // a town in front: 古荥镇毛庄村, 新城街道金河社区
        for (var e : towns.entrySet()) {
            if (key.startsWith(e.getKey()) && key.length() > e.getKey().length()) {
                String rest = key.substring(e.getKey().length());
                for (Division town : e.getValue()) {
                    Resolved inTown = within(rest, town.code());
                    if (inTown != null) {
                        return inTown;
                    }
                }
            }
        }
        // a village group behind: 毛庄村三组
        Matcher g = GROUP.matcher(key);
        if (g.find() && g.start() > 0) {
            Resolved village = resolveOrNull(key.substring(0, g.start()));
            if (village != null) {
                return new Resolved(village.division(), g.group());
            }
        }
        Set<Division> town = towns.get(key);
        if (town != null && town.size() == 1) {
            return new Resolved(town.iterator().next().code(), null);
        }
        throw new Cells.Unreadable("“" + original + "”不是您辖区内的村（社区）名称");
    }

    private Resolved resolveOrNull(String key) {
        try {
            return find(key, key);
        } catch (Cells.Unreadable e) {
            if (e.getMessage().contains("多个")) {
                throw e;
            }
            return null;
        }
    }

    private Resolved within(String key, DivisionCode town) {
        for (Map<String, Set<Division>> index : List.of(villages, villagesLoose)) {
            Set<Division> found = index.get(key);
            if (found == null) {
                continue;
            }
            List<Division> inTown = found.stream().filter(d -> town == null || town.contains(d.code())).toList();
            if (inTown.size() == 1) {
                return new Resolved(inTown.get(0).code(), null);
            }
            if (inTown.size() > 1) {
                List<String> where = inTown.stream().map(d -> townNames.getOrDefault(d.code().parent(), "") + d.name()).toList();
                throw new Cells.Unreadable("“" + key + "”在辖区内有多个：" + String.join("、", where) + "，请写明镇（街道）");
            }
        }
        return null;
    }

    private static String plain(String text) {
        return SPACES.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC)).replaceAll("");
    }
}
