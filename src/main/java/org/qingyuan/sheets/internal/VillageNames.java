package org.qingyuan.sheets.internal;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The names people write for a village or community and for a town or street, derived from the
 * official statistical name. An official name is a stem, a kind (村 or 社区) and a committee suffix
 * that the statistics office writes in many ways (村民委员会, 居民委员会, 社区居委会, 村委会, 居委会,
 * 委员会, 管委会, none) and sometimes cuts at a fixed length (克拉玛依东路社区居委, 绿苑社区委会); the
 * longest committee suffix, truncated ones included, is stripped to reach the stem, and the village is
 * known under the stem with every usual suffix.
 */
final class VillageNames {

    private VillageNames() {
    }

    /** What a village is: a 村, a 社区, a residents' committee without 社区 (苏州路立交桥居委会) or unmarked. */
    enum Kind { VILLAGE, COMMUNITY, RESIDENTS, NONE }

    /** An official name taken apart: {@code stem} + the kind's word is the short name (石桥村, 金河社区). */
    record Parts(String stem, Kind kind) {

        /** The name towns write: 石桥村, 金河社区, 苏州路立交桥居委会, 北大港农场生活区. */
        String shortName() {
            return switch (kind) {
                case VILLAGE -> stem + "村";
                case COMMUNITY -> stem + "社区";
                case RESIDENTS -> stem + "居委会";
                case NONE -> stem;
            };
        }
    }

    /** Committee suffixes, longest first; the truncated forms are those the statistical names are cut to. */
    private static final List<String> COMMITTEES = List.of("村民委员会", "居民委员会", "管理委员会", "村委员会", "居委员会", "村民委会",
            "居民委会", "村委会", "居委会", "管委会", "委员会", "居委", "村委", "委会");
    private static final Set<String> VILLAGE_COMMITTEES = Set.of("村民委员会", "村委员会", "村民委会", "村委会", "村委");
    private static final Set<String> RESIDENT_COMMITTEES = Set.of("居民委员会", "居委员会", "居民委会", "居委会", "居委");

    private static final List<String> VILLAGE_SUFFIXES = List.of("村", "村委会", "村民委员会", "村委", "村委员会", "村村委会",
            "村村民委员会", "村民委员会");
    private static final List<String> COMMUNITY_SUFFIXES = List.of("社区", "社区居委会", "社区居民委员会", "社区居委", "社区委员会",
            "居委会", "居民委员会", "社区管委会");
    private static final List<String> RESIDENT_SUFFIXES = List.of("居委会", "居民委员会", "居委", "社区", "社区居委会",
            "社区居民委员会");
    private static final List<String> NONE_SUFFIXES = List.of("社区", "居委会", "社区居委会", "管委会", "委员会");

    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}\\u200b\\ufeff]+");
    private static final Pattern BRACKETED = Pattern.compile("\\([^)]*\\)");

    /** Half-width, without spaces: the form names are compared in (（） becomes ()). */
    static String plain(String text) {
        return SPACES.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC)).replaceAll("");
    }

    /** 石桥村民委员会 → 石桥 / 村; 古荥村村民委员会 → 古荥 / 村; 克拉玛依东路社区居委 → 克拉玛依东路 / 社区. */
    static Parts parts(String official) {
        String n = plain(official);
        String committee = "";
        for (String c : COMMITTEES) {
            if (n.endsWith(c) && n.length() > c.length()) {
                committee = c;
                n = n.substring(0, n.length() - c.length());
                break;
            }
        }
        if (n.endsWith("社区") && n.length() > 2) {
            return new Parts(n.substring(0, n.length() - 2), Kind.COMMUNITY);
        }
        if (VILLAGE_COMMITTEES.contains(committee)) {
            // 大田村委会 is 大田村, 太平村村委会 is 太平村, 东村村民委员会 is 东村
            return new Parts(n.endsWith("村") && n.length() > 1 ? n.substring(0, n.length() - 1) : n, Kind.VILLAGE);
        }
        if (RESIDENT_COMMITTEES.contains(committee)) {
            return new Parts(n, Kind.RESIDENTS);
        }
        if (committee.isEmpty() && n.endsWith("村") && n.length() > 2) {
            return new Parts(n.substring(0, n.length() - 1), Kind.VILLAGE);
        }
        return new Parts(n, Kind.NONE);
    }

    /**
     * The names that mean this village and nothing else of its kind: the official name, the short name and
     * the short name with every usual committee suffix (also without a bracketed part of the name).
     */
    static Set<String> strictForms(String official) {
        Parts p = parts(official);
        Set<String> out = new LinkedHashSet<>();
        out.add(plain(official));
        List<String> suffixes = switch (p.kind()) {
            case VILLAGE -> VILLAGE_SUFFIXES;
            case COMMUNITY -> COMMUNITY_SUFFIXES;
            case RESIDENTS -> RESIDENT_SUFFIXES;
            case NONE -> NONE_SUFFIXES;
        };
        if (p.kind() == Kind.NONE) {
            out.add(p.stem());
        }
        for (String s : suffixes) {
            out.add(p.stem() + s);
        }
        return out;
    }

    /** The bare stem (德裕, 大田), which resolves only where no village of the unit is called so officially. */
    static Set<String> looseForms(String official) {
        Parts p = parts(official);
        return p.kind() != Kind.NONE && p.stem().length() >= 2 ? Set.of(p.stem()) : Set.of();
    }

    /**
     * The forms without a bracketed part of the name (阳光佳园社区 for 阳光佳园(西)社区), which resolve only
     * where no village of the unit is called so at all.
     */
    static Set<String> unbracketedForms(String official) {
        Parts p = parts(official);
        String without = BRACKETED.matcher(p.stem()).replaceAll("");
        if (without.equals(p.stem()) || without.length() < 2) {
            return Set.of();
        }
        String name = plain(official).replace(p.stem(), without);
        Set<String> out = new LinkedHashSet<>(strictForms(name));
        out.addAll(looseForms(name));
        return out;
    }

    /** Words towns add to their own name: 街道办事处, 人民政府, 管委会. */
    private static final List<String> TOWN_WORDS = List.of("街道办事处", "街道办", "办事处", "街道", "镇", "乡");

    /**
     * 六道湾街道 → 六道湾街道, 六道湾街道办事处, 六道湾街道办, 六道湾办事处, 六道湾; 古荥镇 → 古荥镇, 古荥镇人民政府, 古荥镇政府, 古荥;
     * 天津港保税区 → 天津港保税区, 天津港保税区管委会 (a bracketed part may be left out).
     */
    static Set<String> townForms(String official) {
        String n = plain(official);
        Set<String> out = new LinkedHashSet<>();
        for (String name : BRACKETED.matcher(n).find() ? List.of(n, BRACKETED.matcher(n).replaceAll("")) : List.of(n)) {
            out.add(name);
            boolean suffixed = false;
            for (String word : TOWN_WORDS) {
                if (name.endsWith(word) && name.length() > word.length() + 1) {
                    String base = name.substring(0, name.length() - word.length());
                    out.add(base);
                    if (word.equals("街道")) {
                        for (String w : List.of("街道办事处", "街道办", "办事处", "街道工委", "街道党工委")) {
                            out.add(base + w);
                        }
                    } else {
                        for (String w : List.of("人民政府", "政府", "党委")) {
                            out.add(name + w);
                        }
                    }
                    int district = base.lastIndexOf('区');
                    if (district > 0 && base.length() - district > 2) {
                        // 天津经济技术开发区东区泰达街道 is 泰达街道
                        out.addAll(townForms(base.substring(district + 1) + word));
                    }
                    suffixed = true;
                    break;
                }
            }
            if (!suffixed) {
                out.add(name + "管委会");
                out.add(name + "管理委员会");
                out.add(name + "办事处");
            }
        }
        return out;
    }
}
