package org.qingyuan.policy.internal;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

import org.qingyuan.policy.FactDefinition;
import org.qingyuan.policy.FactType;
import org.qingyuan.policy.NamedList;

/**
 * Reads the condition language of policy files:
 * {@code {fact: x, is: true|false}}, {@code {fact: x, inList: list-id}} (optionally {@code ifUnknown: true|false}),
 * {@code {test: 散}} or {@code {test: 散, is: false}}, {@code {all: [...]}}, {@code {any: [...]}}, {@code {not: ...}},
 * and in categories {@code {exactly: [散, 乱]}} (these tests true, every other test false).
 */
final class ConditionParser {

    /** What a condition may refer to. */
    enum Scope {
        /** Tests: facts only. */
        FACTS,
        /** Categories and disposals: tests only. */
        TESTS,
        /** Flags and referrals: both. */
        BOTH
    }

    private final FactDefinition[] facts;
    private final Map<String, Integer> factIndex;
    private final Map<String, NamedList> lists;
    private final List<String> testIds;
    private final BitSet usedFacts;

    ConditionParser(FactDefinition[] facts, Map<String, Integer> factIndex, Map<String, NamedList> lists, List<String> testIds,
                    BitSet usedFacts) {
        this.facts = facts;
        this.factIndex = factIndex;
        this.lists = lists;
        this.testIds = testIds;
        this.usedFacts = usedFacts;
    }

    Condition parse(YamlNode node, Scope scope) {
        Map<String, YamlNode> entries = node.entries();
        if (entries.containsKey("fact")) {
            return fact(node, scope);
        }
        if (entries.containsKey("test")) {
            return test(node, scope);
        }
        if (entries.size() != 1) {
            throw node.error("条件应为 fact、test、all、any、not 或 exactly 之一");
        }
        String operator = entries.keySet().iterator().next();
        YamlNode value = node.required(operator);
        return switch (operator) {
            case "all" -> new Condition.All(parts(value, scope), null);
            case "any" -> new Condition.Any(parts(value, scope));
            case "not" -> new Condition.Not(parse(value, scope));
            case "exactly" -> exactly(value, scope);
            default -> throw node.error("不认识的条件“" + operator + "”，条件应为 fact、test、all、any、not 或 exactly 之一");
        };
    }

    private List<Condition> parts(YamlNode value, Scope scope) {
        List<YamlNode> items = value.items();
        if (items.isEmpty()) {
            throw value.error("“" + value.name() + "”至少要有一个条件");
        }
        List<Condition> parts = new ArrayList<>(items.size());
        for (YamlNode item : items) {
            parts.add(parse(item, scope));
        }
        return List.copyOf(parts);
    }

    private Condition fact(YamlNode node, Scope scope) {
        node.allowOnly("fact", "is", "inList", "ifUnknown");
        YamlNode nameNode = node.required("fact");
        String name = nameNode.text();
        if (scope == Scope.TESTS) {
            throw nameNode.error("分类和处置的条件只能引用检验（test），不能直接引用事实“" + name + "”");
        }
        Integer index = factIndex.get(name);
        if (index == null) {
            throw nameNode.error("未知的事实“" + name + "”（标准事实见 docs/policies.md，其他事实请在 facts 中声明）");
        }
        FactDefinition fact = facts[index];
        Tri ifUnknown = node.has("ifUnknown") ? Tri.of(node.required("ifUnknown").bool()) : null;
        usedFacts.set(index);
        if (node.has("is")) {
            if (fact.type() != FactType.BOOLEAN) {
                throw node.required("is").error("事实“" + name + "”是文字，不能用 is 判断真假，请用 inList");
            }
            return new Condition.FactIs(index, fact, node.required("is").bool(), ifUnknown);
        }
        if (node.has("inList")) {
            YamlNode listNode = node.required("inList");
            if (fact.type() != FactType.TEXT) {
                throw listNode.error("事实“" + name + "”是真假值，不能用 inList，请用 is");
            }
            NamedList list = lists.get(listNode.text());
            if (list == null) {
                throw listNode.error("未定义的名单“" + listNode.text() + "”");
            }
            return new Condition.FactInList(index, fact, list.id(), list.label(), list.items(), ifUnknown);
        }
        throw node.error("事实条件需要“is”（真假）或“inList”（名单）");
    }

    private Condition test(YamlNode node, Scope scope) {
        node.allowOnly("test", "is");
        YamlNode idNode = node.required("test");
        String id = idNode.text();
        if (scope == Scope.FACTS) {
            throw idNode.error("检验的条件只能引用事实（fact），不能引用检验“" + id + "”");
        }
        int index = testIds.indexOf(id);
        if (index < 0) {
            throw idNode.error("未定义的检验“" + id + "”");
        }
        boolean expected = !node.has("is") || node.required("is").bool();
        return new Condition.TestIs(index, id, expected);
    }

    private Condition exactly(YamlNode value, Scope scope) {
        if (scope != Scope.TESTS) {
            throw value.error("exactly 只能用于分类条件");
        }
        List<String> ids = value.texts();
        List<Condition> parts = new ArrayList<>();
        for (String id : ids) {
            if (!testIds.contains(id)) {
                throw value.error("未定义的检验“" + id + "”");
            }
        }
        StringBuilder description = new StringBuilder("仅");
        for (int i = 0; i < testIds.size(); i++) {
            boolean expected = ids.contains(testIds.get(i));
            parts.add(new Condition.TestIs(i, testIds.get(i), expected));
            if (expected) {
                description.append('“').append(testIds.get(i)).append('”');
            }
        }
        description.append("成立");
        return new Condition.All(List.copyOf(parts), description.toString());
    }
}
