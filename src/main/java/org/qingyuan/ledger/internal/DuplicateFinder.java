package org.qingyuan.ledger.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.qingyuan.ledger.DuplicateDetector;
import org.qingyuan.ledger.DuplicateReason;
import org.qingyuan.ledger.EnterpriseDetails;
import org.qingyuan.ledger.EnterpriseId;
import org.qingyuan.ledger.EnterpriseNames;
import org.qingyuan.ledger.PossibleDuplicate;
import org.qingyuan.ledger.internal.JdbcEnterprises.Candidate;
import org.qingyuan.shared.DivisionCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Compares each row with the stored active records that share its credit code or its village
 * (one query for all rows) and with the earlier rows of the same list.
 */
@Component
class DuplicateFinder implements DuplicateDetector {

    private final JdbcEnterprises enterprises;
    private final DivisionNames names;
    private final JdbcClient jdbc;

    DuplicateFinder(JdbcEnterprises enterprises, DivisionNames names, JdbcClient jdbc) {
        this.enterprises = enterprises;
        this.names = names;
        this.jdbc = jdbc;
    }

    /** The comparison keys of one row. */
    record Keys(String creditCode, DivisionCode division, String nameKey, String addressKey, String name, String address) {
    }

    Keys keys(EnterpriseDetails d) {
        List<String> path = d.division() == null ? List.of() : names.path(d.division());
        return new Keys(d.identity().creditCode(), d.division(), EnterpriseNames.nameKey(d.name(), path),
                EnterpriseNames.addressKey(d.place().address(), path), d.name(), d.place().address());
    }

    @Override
    public List<List<PossibleDuplicate>> find(List<EnterpriseDetails> rows, List<EnterpriseId> self) {
        return findByKeys(rows.stream().map(this::keys).toList(), self);
    }

    /** As {@link #find}, for rows whose keys the caller has computed already (and stores). */
    List<List<PossibleDuplicate>> findByKeys(List<Keys> keys, List<EnterpriseId> self) {
        Set<String> codes = new HashSet<>();
        Map<String, DivisionCode> nameKeys = new HashMap<>();
        Map<String, DivisionCode> addressNumbers = new HashMap<>();
        for (Keys k : keys) {
            if (k.creditCode() != null) {
                codes.add(k.creditCode());
            }
            if (k.division() != null && !k.nameKey().isEmpty()) {
                nameKeys.put(k.division().value() + "|" + k.nameKey(), k.division());
            }
            if (k.division() != null && k.addressKey() != null) {
                addressNumbers.put(k.division().value() + "|" + numbers(k.addressKey()), k.division());
            }
        }
        List<Candidate> candidates = enterprises.candidates(codes, pairs(nameKeys), pairs(addressNumbers));
        Map<String, List<Candidate>> byCode = new HashMap<>();
        Map<DivisionCode, List<Candidate>> byDivision = new HashMap<>();
        for (Candidate c : candidates) {
            if (c.creditCode() != null) {
                byCode.computeIfAbsent(c.creditCode(), x -> new ArrayList<>()).add(c);
            }
            byDivision.computeIfAbsent(c.division(), x -> new ArrayList<>()).add(c);
        }
        Set<Long> selfIds = new HashSet<>();
        self.forEach(id -> {
            if (id != null) {
                selfIds.add(id.value());
            }
        });
        Set<String> resolved = resolvedPairs(selfIds);

        // earlier rows of the same list, indexed by each key a duplicate must share, so that a
        // list of thousands is compared in linear time
        Map<String, List<Integer>> earlierByKey = new HashMap<>();
        List<List<PossibleDuplicate>> result = new ArrayList<>();
        for (int r = 0; r < keys.size(); r++) {
            Keys k = keys.get(r);
            Long selfId = self.get(r) == null ? null : self.get(r).value();
            Set<Candidate> pool = new LinkedHashSet<>();
            if (k.creditCode() != null) {
                pool.addAll(byCode.getOrDefault(k.creditCode(), List.of()));
            }
            pool.addAll(byDivision.getOrDefault(k.division(), List.of()));
            List<PossibleDuplicate> found = new ArrayList<>();
            for (Candidate c : pool) {
                if (selfId != null && (c.id() == selfId || resolved.contains(pair(selfId, c.id())))) {
                    continue;
                }
                Set<DuplicateReason> reasons = compare(k, new Keys(c.creditCode(), c.division(), c.nameKey(), c.addressKey(),
                        c.name(), c.address()));
                if (!reasons.isEmpty()) {
                    found.add(new PossibleDuplicate(new EnterpriseId(c.id()), -1, c.name(), c.division(), c.address(), reasons));
                }
            }
            List<String> lookups = lookupKeys(k);
            java.util.TreeSet<Integer> earlierRows = new java.util.TreeSet<>();
            for (String lookup : lookups) {
                earlierRows.addAll(earlierByKey.getOrDefault(lookup, List.of()));
            }
            for (int earlier : earlierRows) {
                Set<DuplicateReason> reasons = compare(k, keys.get(earlier));
                if (!reasons.isEmpty()) {
                    Keys e = keys.get(earlier);
                    found.add(new PossibleDuplicate(null, earlier, e.name(), e.division(), e.address(), reasons));
                }
            }
            for (String lookup : lookups) {
                earlierByKey.computeIfAbsent(lookup, x -> new ArrayList<>()).add(r);
            }
            result.add(found);
        }
        return result;
    }

    /** The keys under which two rows can be duplicates at all: credit code, village + name, village + house numbers. */
    private static List<String> lookupKeys(Keys k) {
        List<String> out = new ArrayList<>(3);
        if (k.creditCode() != null) {
            out.add("c|" + k.creditCode());
        }
        if (k.division() != null && !k.nameKey().isEmpty()) {
            out.add("n|" + k.division().value() + "|" + k.nameKey());
        }
        if (k.division() != null && k.addressKey() != null) {
            out.add("a|" + k.division().value() + "|" + numbers(k.addressKey()));
        }
        return out;
    }

    private static final java.util.regex.Pattern NOT_DIGITS = java.util.regex.Pattern.compile("[^0-9]+");

    /**
     * The house numbers of an address key, comma-separated: near-identical addresses have the
     * same ones. The same as the SQL function {@code qy_address_numbers}.
     */
    static String numbers(String addressKey) {
        String s = NOT_DIGITS.matcher(addressKey).replaceAll(",");
        int from = s.startsWith(",") ? 1 : 0;
        int to = s.endsWith(",") && s.length() > from ? s.length() - 1 : s.length();
        return s.substring(from, Math.max(from, to));
    }

    private static List<String[]> pairs(Map<String, DivisionCode> keyed) {
        List<String[]> out = new ArrayList<>(keyed.size());
        keyed.forEach((key, division) -> out.add(new String[] {division.value(), key.substring(key.indexOf('|') + 1)}));
        return out;
    }

    static Set<DuplicateReason> compare(Keys a, Keys b) {
        Set<DuplicateReason> reasons = EnumSet.noneOf(DuplicateReason.class);
        if (a.creditCode() != null && a.creditCode().equals(b.creditCode())) {
            reasons.add(DuplicateReason.SAME_CREDIT_CODE);
        }
        if (a.division() != null && a.division().equals(b.division())) {
            if (!a.nameKey().isEmpty() && a.nameKey().equals(b.nameKey())) {
                reasons.add(DuplicateReason.SAME_NAME_IN_VILLAGE);
            }
            if (EnterpriseNames.nearIdenticalAddress(a.addressKey(), b.addressKey())) {
                reasons.add(DuplicateReason.NEAR_IDENTICAL_ADDRESS);
            }
        }
        return reasons;
    }

    private Set<String> resolvedPairs(Set<Long> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        Long[] array = ids.toArray(Long[]::new);
        return new HashSet<>(jdbc.sql("""
                        SELECT enterprise_id, other_id FROM enterprise_duplicate
                         WHERE status <> 'OPEN' AND (enterprise_id = ANY(:ids) OR other_id = ANY(:ids))
                        """).param("ids", array)
                .query((rs, i) -> pair(rs.getLong(1), rs.getLong(2))).list());
    }

    static String pair(long a, long b) {
        return Math.min(a, b) + ":" + Math.max(a, b);
    }
}
