package org.qingyuan.ledger;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keys that make two spellings of one enterprise compare equal: full- and half-width, spaces,
 * brackets and punctuation do not count, nor legal-form and workshop suffixes (有限公司, 厂,
 * 加工点, 作坊 …), nor the names of the divisions that every address and many names start with.
 */
public final class EnterpriseNames {

    /** Longest first, so 有限责任公司 goes before 公司; applied repeatedly (“金河机械加工厂” → “金河机械”). */
    private static final List<String> SUFFIXES = List.of(
            "股份有限公司", "有限责任公司", "有限公司", "分公司", "个体工商户", "个人独资企业", "普通合伙", "有限合伙",
            "专业合作社", "合作社", "经营部", "门市部", "加工厂", "加工点", "加工坊", "加工部", "作坊", "工作室",
            "公司", "工厂", "厂", "店", "部", "坊", "点", "处");

    private static final Pattern NOISE = Pattern.compile("[\\p{Z}\\s\\p{P}\\p{S}]+");
    private static final Pattern NUMBER = Pattern.compile("\\d+");

    private EnterpriseNames() {
    }

    /** The comparable form of a text: NFKC (full-width to half-width), lower case, without spaces, brackets or punctuation. */
    public static String plain(String text) {
        if (text == null) {
            return "";
        }
        return NOISE.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)).replaceAll("");
    }

    /**
     * The name key: plain, without leading division names and trailing suffixes.
     *
     * @param divisionNames names of the enterprise's division and those above it (e.g. 河南省, 郑州市, 惠济区, 新城街道)
     */
    public static String nameKey(String name, Collection<String> divisionNames) {
        String key = stripPrefixes(plain(name), divisionNames);
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (String suffix : SUFFIXES) {
                if (key.length() > suffix.length() + 1 && key.endsWith(suffix)) {
                    key = key.substring(0, key.length() - suffix.length());
                    stripped = true;
                    break;
                }
            }
        }
        return key;
    }

    /** The address key: plain, without the leading division names; null when too vague to compare (no number, under 6 characters). */
    public static String addressKey(String address, Collection<String> divisionNames) {
        if (address == null || address.isBlank()) {
            return null;
        }
        String key = stripPrefixes(plain(address), divisionNames);
        return key.length() < 6 || !NUMBER.matcher(key).find() ? null : key;
    }

    /**
     * Near-identical addresses: the same house numbers, and the rest differs by at most one
     * character in six (“金河路18号院内” ≈ “金河路18号院”, but not “金河路19号”).
     */
    public static boolean nearIdenticalAddress(String key1, String key2) {
        if (key1 == null || key2 == null) {
            return false;
        }
        if (key1.equals(key2)) {
            return true;
        }
        if (!numbers(key1).equals(numbers(key2))) {
            return false;
        }
        String a = NUMBER.matcher(key1).replaceAll("#");
        String b = NUMBER.matcher(key2).replaceAll("#");
        int allowed = Math.max(1, Math.max(a.length(), b.length()) / 6);
        return Math.abs(a.length() - b.length()) <= allowed && distance(a, b, allowed) <= allowed;
    }

    /** The names to strip from the start of names and addresses: each division's name and its short forms. */
    public static List<String> prefixesOf(Collection<String> divisionNames) {
        List<String> known = PREFIXES.get(divisionNames);
        if (known != null) {
            return known;
        }
        List<String> out = computePrefixes(divisionNames);
        if (PREFIXES.size() > 20_000) {
            PREFIXES.clear();
        }
        PREFIXES.put(List.copyOf(divisionNames), out);
        return out;
    }

    /** Prefixes by division path: a batch of thousands of rows in a few villages needs them a few times, not per row. */
    private static final java.util.Map<Object, List<String>> PREFIXES = new java.util.concurrent.ConcurrentHashMap<>();

    private static List<String> computePrefixes(Collection<String> divisionNames) {
        List<String> out = new ArrayList<>();
        for (String n : divisionNames) {
            String p = plain(n);
            out.add(p);
            for (String tail : List.of("居民委员会", "村民委员会", "委员会", "居委会", "村委会")) {
                if (p.endsWith(tail) && p.length() > tail.length()) {
                    String base = p.substring(0, p.length() - tail.length());
                    out.add(base);
                    if (tail.startsWith("村")) {
                        out.add(base + "村");
                    }
                }
            }
        }
        out.sort((x, y) -> y.length() - x.length());
        return List.copyOf(out);
    }

    private static String stripPrefixes(String key, Collection<String> divisionNames) {
        List<String> prefixes = prefixesOf(divisionNames);
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (String prefix : prefixes) {
                if (!prefix.isEmpty() && key.startsWith(prefix) && key.length() > prefix.length() + 1) {
                    key = key.substring(prefix.length());
                    stripped = true;
                    break;
                }
            }
        }
        return key;
    }

    private static List<String> numbers(String key) {
        List<String> out = new ArrayList<>();
        Matcher m = NUMBER.matcher(key);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** Levenshtein distance, giving up (answering limit + 1) once it exceeds the limit. */
    private static int distance(String a, String b, int limit) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
