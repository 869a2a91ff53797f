package org.qingyuan.policy.internal;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.qingyuan.policy.Category;
import org.qingyuan.policy.Disposal;
import org.qingyuan.policy.FactDefinition;
import org.qingyuan.policy.FactType;
import org.qingyuan.policy.Flag;
import org.qingyuan.policy.NamedList;
import org.qingyuan.policy.PolicyFormatException;
import org.qingyuan.policy.PolicyInfo;
import org.qingyuan.policy.PolicyTest;
import org.qingyuan.policy.Referral;
import org.qingyuan.policy.StandardFacts;
import org.qingyuan.policy.Zone;
import org.qingyuan.shared.Sm3;
import org.qingyuan.policy.internal.CompiledPolicy.CompiledCategory;
import org.qingyuan.policy.internal.CompiledPolicy.CompiledDisposal;
import org.qingyuan.policy.internal.CompiledPolicy.CompiledFlag;
import org.qingyuan.policy.internal.CompiledPolicy.CompiledReferral;
import org.qingyuan.policy.internal.CompiledPolicy.CompiledTest;
import org.qingyuan.policy.internal.ConditionParser.Scope;
import org.qingyuan.shared.DivisionCode;

/**
 * Reads a policy file (YAML, see docs/policies.md) into a {@link CompiledPolicy}, refusing a
 * malformed one with the line and a Chinese reason ({@link PolicyFormatException}).
 */
final class PolicyParser {

    private static final Pattern POLICY_ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Pattern FACT_NAME = Pattern.compile("[a-z][A-Za-z0-9]*");
    private static final int MAX_ZONES = 7;

    private final YamlNode root;
    private final String content;
    private final List<Zone> zones = new ArrayList<>();
    private final List<FactDefinition> facts = new ArrayList<>(StandardFacts.all());
    private final Map<String, Integer> factIndex = new HashMap<>();
    private final Map<String, NamedList> lists = new LinkedHashMap<>();
    private final List<String> testIds = new ArrayList<>();
    private final BitSet usedFacts = new BitSet();
    private ConditionParser conditions;

    private PolicyParser(YamlNode root, String content) {
        this.root = root;
        this.content = content;
    }

    /** Compiles a policy file. */
    static CompiledPolicy parse(String content) {
        YamlNode root = YamlNode.parse(content);
        if (!root.isMap()) {
            throw root.error("方案文件的顶层应为映射（id、version、title、tests、categories 等字段）");
        }
        return new PolicyParser(root, content).compile();
    }

    private CompiledPolicy compile() {
        root.allowOnly("id", "version", "title", "issuer", "document", "issued", "region", "seed", "summary", "noneLabel",
                "zones", "facts", "lists", "flags", "tests", "categories", "referrals", "reports", "revisits", "supervision",
                "assessment", "gatekeeping");
        PolicyInfo info = info();
        readZones();
        readFacts();
        readLists();
        List<CompiledTest> tests = readTests();
        conditions = new ConditionParser(facts.toArray(FactDefinition[]::new), factIndex, lists, testIds, usedFacts);
        for (int i = 0; i < tests.size(); i++) {
            YamlNode node = root.required("tests").items().get(i);
            Condition when = conditions.parse(node.required("when"), Scope.FACTS);
            PolicyTest test = tests.get(i).test();
            tests.set(i, new CompiledTest(new PolicyTest(test.id(), test.label(), test.definition(), when.describe(), test.source()),
                    when));
        }
        List<CompiledCategory> categories = readCategories();
        List<CompiledFlag> flags = readFlags();
        List<CompiledReferral> referrals = readReferrals();
        List<org.qingyuan.policy.ReportDuty> reports = ReportParser.read(root);
        org.qingyuan.policy.RevisitSchedule revisits = RevisitParser.read(root);
        org.qingyuan.policy.SupervisionRules supervision = SupervisionParser.read(root);
        org.qingyuan.policy.AssessmentScheme assessment = AssessmentParser.read(root);
        org.qingyuan.policy.GatekeepingBasis gatekeeping = GatekeepingParser.read(root);
        FactDefinition[] table = facts.toArray(FactDefinition[]::new);
        List<FactDefinition> used = new ArrayList<>();
        for (int f = usedFacts.nextSetBit(0); f >= 0; f = usedFacts.nextSetBit(f + 1)) {
            used.add(table[f]);
        }
        return new CompiledPolicy(info, content, zones, table, factIndex, used, List.copyOf(lists.values()), tests, categories,
                flags, referrals, reports, revisits, supervision, assessment, gatekeeping);
    }

    private PolicyInfo info() {
        YamlNode idNode = root.required("id");
        String id = idNode.text();
        if (!POLICY_ID.matcher(id).matches()) {
            throw idNode.error("方案 id 只能由小写字母、数字和连字符组成（如 shuimogou-2017），实际为“" + id + "”");
        }
        YamlNode versionNode = root.required("version");
        int version = versionNode.positiveInt();
        if (version < 1) {
            throw versionNode.error("version 应为正整数");
        }
        String region = root.optionalText("region");
        if (region != null && !DivisionCode.isValid(region)) {
            throw root.required("region").error("region 应为区划代码（2、4、6、9 或 12 位数字），实际为“" + region + "”");
        }
        String noneLabel = root.has("noneLabel") ? root.text("noneLabel") : "不属于整治对象";
        return new PolicyInfo(id, version, root.text("title"), root.optionalText("issuer"), root.text("document"),
                root.has("issued") ? root.required("issued").date() : null, region == null ? null : DivisionCode.of(region).value(),
                root.optionalText("seed"), root.optionalText("summary"), noneLabel, Sm3.hex(content));
    }

    private void readZones() {
        if (!root.has("zones")) {
            return;
        }
        Map<String, String> zoneOfDivision = new HashMap<>();
        for (YamlNode node : root.required("zones").items()) {
            node.allowOnly("id", "label", "divisions", "source");
            String id = node.text("id");
            if (!NAME.matcher(id).matches()) {
                throw node.required("id").error("区域 id 只能由小写字母、数字和连字符组成，实际为“" + id + "”");
            }
            if (zones.stream().anyMatch(z -> z.id().equals(id))) {
                throw node.required("id").error("区域“" + id + "”重复");
            }
            List<String> divisions = new ArrayList<>();
            if (node.has("divisions")) {
                YamlNode divisionsNode = node.required("divisions");
                for (String code : divisionsNode.texts()) {
                    if (!DivisionCode.isValid(code)) {
                        throw divisionsNode.error("“" + code + "”不是区划代码");
                    }
                    String normal = DivisionCode.of(code).value();
                    String other = zoneOfDivision.put(normal, id);
                    if (other != null) {
                        throw divisionsNode.error("区划 " + normal + " 同时划入了区域“" + other + "”和“" + id + "”");
                    }
                    divisions.add(normal);
                }
            }
            zones.add(new Zone(id, node.text("label"), List.copyOf(divisions), node.text("source")));
        }
        if (zones.size() > MAX_ZONES) {
            throw root.required("zones").error("区域最多 " + MAX_ZONES + " 个");
        }
    }

    private void readFacts() {
        if (root.has("facts")) {
            for (YamlNode node : root.required("facts").items()) {
                node.allowOnly("name", "type", "label", "question", "yes", "no", "source");
                String name = node.text("name");
                if (!FACT_NAME.matcher(name).matches()) {
                    throw node.required("name").error("事实名称应为小写字母开头的驼峰式英文（如 hasDischargePermit），实际为“" + name + "”");
                }
                if (facts.stream().anyMatch(f -> f.name().equals(name))) {
                    throw node.required("name").error(StandardFacts.find(name) != null
                            ? "“" + name + "”是标准事实，无需声明" : "事实“" + name + "”重复声明");
                }
                FactType type = switch (node.text("type")) {
                    case "boolean" -> FactType.BOOLEAN;
                    case "text" -> FactType.TEXT;
                    default -> throw node.required("type").error("事实类型应为 boolean 或 text");
                };
                String yes = type == FactType.BOOLEAN ? (node.has("yes") ? node.text("yes") : "是") : null;
                String no = type == FactType.BOOLEAN ? (node.has("no") ? node.text("no") : "否") : null;
                facts.add(new FactDefinition(name, type, node.text("label"), node.text("question"), yes, no, node.text("source")));
            }
        }
        for (int i = 0; i < facts.size(); i++) {
            factIndex.put(facts.get(i).name(), i);
        }
    }

    private void readLists() {
        if (!root.has("lists")) {
            return;
        }
        for (YamlNode node : root.required("lists").items()) {
            node.allowOnly("id", "label", "items", "source");
            String id = node.text("id");
            if (!NAME.matcher(id).matches()) {
                throw node.required("id").error("名单 id 只能由小写字母、数字和连字符组成，实际为“" + id + "”");
            }
            if (lists.containsKey(id)) {
                throw node.required("id").error("名单“" + id + "”重复");
            }
            List<String> items = node.required("items").texts();
            if (items.isEmpty()) {
                throw node.required("items").error("名单“" + id + "”没有条目");
            }
            lists.put(id, new NamedList(id, node.text("label"), List.copyOf(items), node.text("source")));
        }
    }

    private List<CompiledTest> readTests() {
        List<YamlNode> nodes = root.required("tests").items();
        if (nodes.isEmpty()) {
            throw root.required("tests").error("至少要有一项检验");
        }
        List<CompiledTest> tests = new ArrayList<>();
        for (YamlNode node : nodes) {
            node.allowOnly("id", "label", "definition", "when", "source");
            String id = checkId(node.required("id"), testIds, "检验");
            testIds.add(id);
            node.required("when");
            tests.add(new CompiledTest(new PolicyTest(id, node.text("label"), node.optionalText("definition"), null,
                    node.text("source")), null));
        }
        return tests;
    }

    private List<CompiledCategory> readCategories() {
        List<YamlNode> nodes = root.required("categories").items();
        if (nodes.isEmpty()) {
            throw root.required("categories").error("至少要有一个分类");
        }
        if (nodes.size() > 250) {
            throw root.required("categories").error("分类过多");
        }
        List<String> ids = new ArrayList<>();
        List<CompiledCategory> categories = new ArrayList<>();
        for (YamlNode node : nodes) {
            node.allowOnly("id", "label", "definition", "when", "source", "disposal");
            String id = checkId(node.required("id"), ids, "分类");
            ids.add(id);
            Condition when = conditions.parse(node.required("when"), Scope.TESTS);
            List<CompiledDisposal> disposals = new DisposalParser(zones, conditions).read(node, id);
            Category category = new Category(id, node.has("label") ? node.text("label") : id, node.optionalText("definition"),
                    when.describe(), node.text("source"),
                    disposals.stream().map(d -> new Disposal(zoneIds(d.zoneMask()),
                            d.condition() == null ? null : d.condition().describe(), d.measure())).toList());
            categories.add(new CompiledCategory(category, when, List.copyOf(disposals)));
        }
        return categories;
    }

    private List<CompiledFlag> readFlags() {
        List<CompiledFlag> flags = new ArrayList<>();
        if (root.has("flags")) {
            List<String> ids = new ArrayList<>();
            for (YamlNode node : root.required("flags").items()) {
                node.allowOnly("id", "label", "when", "source");
                String id = checkId(node.required("id"), ids, "标记");
                ids.add(id);
                Condition when = conditions.parse(node.required("when"), Scope.BOTH);
                flags.add(new CompiledFlag(new Flag(id, node.text("label"), when.describe(), node.text("source")), when));
            }
        }
        return flags;
    }

    private List<CompiledReferral> readReferrals() {
        List<CompiledReferral> referrals = new ArrayList<>();
        if (root.has("referrals")) {
            List<String> ids = new ArrayList<>();
            for (YamlNode node : root.required("referrals").items()) {
                node.allowOnly("id", "label", "to", "when", "due", "source");
                String id = checkId(node.required("id"), ids, "移交");
                ids.add(id);
                Condition when = conditions.parse(node.required("when"), Scope.BOTH);
                referrals.add(new CompiledReferral(new Referral(id, node.text("label"), node.text("to"), when.describe(),
                        MeasureParser.due(node.required("due")), node.text("source")), when));
            }
        }
        return referrals;
    }

    private String checkId(YamlNode node, List<String> taken, String what) {
        String id = node.text();
        if (id.chars().anyMatch(Character::isWhitespace)) {
            throw node.error(what + " id 不能包含空格：“" + id + "”");
        }
        if (Category.NONE.equals(id) || Category.UNDETERMINED.equals(id)) {
            throw node.error(what + " id 不能是保留字“" + id + "”");
        }
        if (taken.contains(id)) {
            throw node.error(what + "“" + id + "”重复");
        }
        return id;
    }

    private List<String> zoneIds(int mask) {
        if (mask < 0) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        for (int z = 0; z < zones.size(); z++) {
            if ((mask & (1 << z)) != 0) {
                ids.add(zones.get(z).id());
            }
        }
        return ids.size() == zones.size() ? List.of() : List.copyOf(ids);
    }
}
