package org.qingyuan.policy.internal;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.qingyuan.policy.PolicyFormatException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML node that knows its line, with typed accessors that reject wrong input with the line
 * and a Chinese reason ({@link PolicyFormatException}). Built on SnakeYAML's composed node tree.
 */
final class YamlNode {

    private final Node node;
    private final String name;
    private Map<String, YamlNode> entries;

    private YamlNode(Node node, String name) {
        this.node = node;
        this.name = name;
    }

    /** Parses one YAML document. */
    static YamlNode parse(String text) {
        if (text == null || text.isBlank()) {
            throw new PolicyFormatException(0, "文件为空");
        }
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(10);
            Node root = new Yaml(new SafeConstructor(options)).compose(new StringReader(text));
            if (root == null) {
                throw new PolicyFormatException(0, "文件为空");
            }
            return new YamlNode(root, "文件");
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
            throw new PolicyFormatException(line, "YAML 格式错误（" + e.getProblem() + "）");
        } catch (YAMLException e) {
            throw new PolicyFormatException(0, "YAML 格式错误（" + e.getMessage() + "）");
        }
    }

    /** 1-based line where the node starts. */
    int line() {
        return node.getStartMark().getLine() + 1;
    }

    String name() {
        return name;
    }

    PolicyFormatException error(String reason) {
        return new PolicyFormatException(line(), reason);
    }

    boolean isMap() {
        return node instanceof MappingNode;
    }

    boolean isList() {
        return node instanceof SequenceNode;
    }

    boolean isScalar() {
        return node instanceof ScalarNode;
    }

    boolean isNull() {
        return node instanceof ScalarNode && node.getTag().equals(Tag.NULL);
    }

    /** The entries of a mapping, in file order. */
    Map<String, YamlNode> entries() {
        if (!(node instanceof MappingNode mapping)) {
            throw error("“" + name + "”应为映射（键: 值）");
        }
        if (entries == null) {
            Map<String, YamlNode> map = new LinkedHashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                    throw new PolicyFormatException(tuple.getKeyNode().getStartMark().getLine() + 1, "键应为文字");
                }
                if (map.put(key.getValue(), new YamlNode(tuple.getValueNode(), key.getValue())) != null) {
                    throw new PolicyFormatException(key.getStartMark().getLine() + 1, "字段“" + key.getValue() + "”重复");
                }
            }
            entries = map;
        }
        return entries;
    }

    /** Refuses keys other than these. */
    YamlNode allowOnly(String... keys) {
        List<String> allowed = Arrays.asList(keys);
        for (Map.Entry<String, YamlNode> entry : entries().entrySet()) {
            if (!allowed.contains(entry.getKey())) {
                throw entry.getValue().keyError("不认识的字段“" + entry.getKey() + "”，这里可用的字段：" + String.join("、", keys));
            }
        }
        return this;
    }

    private PolicyFormatException keyError(String reason) {
        return error(reason);
    }

    boolean has(String key) {
        YamlNode value = entries().get(key);
        return value != null && !value.isNull();
    }

    /** The value of a key, or null when absent or null. */
    YamlNode get(String key) {
        YamlNode value = entries().get(key);
        return value == null || value.isNull() ? null : value;
    }

    YamlNode required(String key) {
        YamlNode value = get(key);
        if (value == null) {
            throw error("“" + name + "”缺少字段“" + key + "”");
        }
        return value;
    }

    /** The items of a sequence. */
    List<YamlNode> items() {
        if (!(node instanceof SequenceNode sequence)) {
            throw error("“" + name + "”应为列表");
        }
        List<YamlNode> items = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            items.add(new YamlNode(item, name));
        }
        return items;
    }

    String text() {
        if (!(node instanceof ScalarNode scalar) || isNull()) {
            throw error("“" + name + "”应为文字");
        }
        String value = scalar.getValue().strip();
        if (value.isEmpty()) {
            throw error("“" + name + "”不能为空");
        }
        return value;
    }

    String text(String key) {
        return required(key).text();
    }

    String optionalText(String key) {
        YamlNode value = get(key);
        return value == null ? null : value.text();
    }

    /** A list of texts; a single text counts as a list of one. */
    List<String> texts() {
        if (isScalar()) {
            return List.of(text());
        }
        return items().stream().map(YamlNode::text).toList();
    }

    int positiveInt() {
        try {
            int value = Integer.parseInt(text());
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw error("“" + name + "”应为不小于 0 的整数");
    }

    boolean bool() {
        if (node instanceof ScalarNode scalar) {
            String value = scalar.getValue().strip().toLowerCase(java.util.Locale.ROOT);
            if (value.equals("true") || value.equals("false")) {
                return value.equals("true");
            }
        }
        throw error("“" + name + "”应为 true 或 false");
    }

    LocalDate date() {
        try {
            return LocalDate.parse(text());
        } catch (DateTimeParseException e) {
            throw error("“" + name + "”应为日期（yyyy-mm-dd），实际为“" + text() + "”");
        }
    }
}
