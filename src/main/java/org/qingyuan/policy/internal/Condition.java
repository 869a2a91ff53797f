package org.qingyuan.policy.internal;

import java.util.BitSet;
import java.util.List;
import java.util.stream.Collectors;

import org.qingyuan.policy.FactDefinition;

/**
 * A compiled condition in three-valued logic: a fact that is not known makes an atom unknown,
 * unless the policy says what an unknown fact means there ({@code ifUnknown}). {@code any} is
 * true when one part is true, false when all are false, unknown otherwise; {@code all} the dual.
 */
sealed interface Condition {

    /**
     * @param facts the fact values by the policy's fact index (null = unknown)
     * @param tests the test results by test index (1 true, 0 false, -1 unknown); null while tests are evaluated
     * @param why if not null, receives the facts (as "label：value") that decided the result
     * @param unknown if not null, receives the indexes of the unknown facts that were met
     */
    Tri eval(Object[] facts, byte[] tests, List<String> why, BitSet unknown);

    /** The condition in Chinese. */
    String describe();

    /** Boolean fact equals a value. */
    record FactIs(int index, FactDefinition fact, boolean expected, Tri ifUnknown) implements Condition {
        public Tri eval(Object[] facts, byte[] tests, List<String> why, BitSet unknown) {
            Object value = facts[index];
            if (value == null) {
                if (ifUnknown != null) {
                    if (why != null) {
                        why.add(fact.label() + "：未知（按" + (ifUnknown == Tri.TRUE ? "成立" : "不成立") + "处理）");
                    }
                    return ifUnknown;
                }
                if (unknown != null) {
                    unknown.set(index);
                }
                return Tri.UNKNOWN;
            }
            if (why != null) {
                why.add(fact.label() + "：" + fact.display(value));
            }
            return Tri.of((Boolean) value == expected);
        }

        public String describe() {
            return fact.label() + "：" + fact.display(expected);
        }
    }

    /** Text fact contains one of the keywords of a named list. */
    record FactInList(int index, FactDefinition fact, String listId, String listLabel, List<String> items, Tri ifUnknown)
            implements Condition {
        public Tri eval(Object[] facts, byte[] tests, List<String> why, BitSet unknown) {
            Object value = facts[index];
            if (value == null) {
                if (ifUnknown != null) {
                    return ifUnknown;
                }
                if (unknown != null) {
                    unknown.set(index);
                }
                return Tri.UNKNOWN;
            }
            String text = (String) value;
            for (String item : items) {
                if (text.contains(item)) {
                    if (why != null) {
                        why.add(fact.label() + "：" + text + "（属于" + listLabel + "）");
                    }
                    return Tri.TRUE;
                }
            }
            if (why != null) {
                why.add(fact.label() + "：" + text + "（不属于" + listLabel + "）");
            }
            return Tri.FALSE;
        }

        public String describe() {
            return fact.label() + "属于" + listLabel + "名单";
        }
    }

    /** A test's result. */
    record TestIs(int index, String testId, boolean expected) implements Condition {
        public Tri eval(Object[] facts, byte[] tests, List<String> why, BitSet unknown) {
            byte value = tests[index];
            if (value < 0) {
                return Tri.UNKNOWN;
            }
            if (why != null) {
                why.add("“" + testId + "”" + (value == 1 ? "成立" : "不成立"));
            }
            return Tri.of((value == 1) == expected);
        }

        public String describe() {
            return "“" + testId + "”" + (expected ? "成立" : "不成立");
        }
    }

    /** Every part holds. The witnesses are re-collected in a second pass, so nothing is allocated per node. */
    record All(List<Condition> parts, String description) implements Condition {
        public Tri eval(Object[] facts, byte[] tests, List<String> why, BitSet unknown) {
            boolean anyUnknown = false;
            boolean anyFalse = false;
            for (int i = 0, n = parts.size(); i < n; i++) {
                Tri result = parts.get(i).eval(facts, tests, null, unknown);
                if (result == Tri.FALSE) {
                    anyFalse = true;
                } else if (result == Tri.UNKNOWN) {
                    anyUnknown = true;
                }
            }
            Tri result = anyFalse ? Tri.FALSE : anyUnknown ? Tri.UNKNOWN : Tri.TRUE;
            if (why != null && result != Tri.UNKNOWN) {
                witnesses(parts, result, facts, tests, why);
            }
            return result;
        }

        public String describe() {
            return description != null ? description
                    : parts.stream().map(Condition::describeNested).collect(Collectors.joining("，且"));
        }
    }

    /** At least one part holds. */
    record Any(List<Condition> parts) implements Condition {
        public Tri eval(Object[] facts, byte[] tests, List<String> why, BitSet unknown) {
            boolean anyUnknown = false;
            boolean anyTrue = false;
            for (int i = 0, n = parts.size(); i < n; i++) {
                Tri result = parts.get(i).eval(facts, tests, null, unknown);
                if (result == Tri.TRUE) {
                    anyTrue = true;
                } else if (result == Tri.UNKNOWN) {
                    anyUnknown = true;
                }
            }
            Tri result = anyTrue ? Tri.TRUE : anyUnknown ? Tri.UNKNOWN : Tri.FALSE;
            if (why != null && result != Tri.UNKNOWN) {
                witnesses(parts, result, facts, tests, why);
            }
            return result;
        }

        public String describe() {
            return parts.stream().map(Condition::describeNested).collect(Collectors.joining("，或"));
        }
    }

    /** The facts of the parts whose result equals the whole's: they decided it. */
    private static void witnesses(List<Condition> parts, Tri result, Object[] facts, byte[] tests, List<String> why) {
        for (int i = 0, n = parts.size(); i < n; i++) {
            Condition part = parts.get(i);
            if (part.eval(facts, tests, null, null) == result) {
                part.eval(facts, tests, why, null);
            }
        }
    }

    /** The part does not hold. */
    record Not(Condition part) implements Condition {
        public Tri eval(Object[] facts, byte[] tests, List<String> why, BitSet unknown) {
            return part.eval(facts, tests, why, unknown).not();
        }

        public String describe() {
            return "并非" + describeNested(part);
        }
    }

    private static String describeNested(Condition condition) {
        boolean compound = (condition instanceof All all && all.description() == null && all.parts().size() > 1)
                || (condition instanceof Any any && any.parts().size() > 1);
        return compound ? "（" + condition.describe() + "）" : condition.describe();
    }
}
