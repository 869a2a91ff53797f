package org.qingyuan.policy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qingyuan.policy.PolicyFormatException;

/** A malformed policy file is refused with its line and a Chinese reason. */
class PolicyParserTests {

    private static final String VALID = """
            id: demo
            version: 1
            title: 示例方案
            document: 示例〔2026〕1号
            zones:
              - {id: inner, label: 城区, source: 一}
              - {id: outer, label: 郊区, source: 一}
            tests:
              - id: 污
                label: 超标排放
                when: {fact: emissionsOverStandard, is: true}
                source: 二
            categories:
              - id: 污
                when: {test: 污}
                source: 三
                disposal:
                  - zones: [inner]
                    kind: SHUTDOWN
                    label: 关停
                    text: 关停取缔。
                    production: stop
                    deadlines:
                      - {kind: SHUTDOWN, due: {workingDays: 5}}
                    source: 三(一)
                  - zones: [outer]
                    kind: REMEDIATE
                    label: 整治
                    text: 停产整治。
                    production: stop
                    deadlines:
                      - {kind: REMEDIATE, due: {months: 1}}
                    source: 三(二)
            """;

    private static PolicyFormatException refused(String content) {
        try {
            PolicyParser.parse(content);
        } catch (PolicyFormatException e) {
            return e;
        }
        throw new AssertionError("accepted: " + content);
    }

    private static String replace(String from, String to) {
        assertThat(VALID).contains(from);
        int at = VALID.indexOf(from);
        return VALID.substring(0, at) + to + VALID.substring(at + from.length());
    }

    @Test
    void aValidFileCompiles() {
        CompiledPolicy policy = PolicyParser.parse(VALID);
        assertThat(policy.id()).isEqualTo("demo");
        assertThat(policy.categories().get(0).disposals()).extracting(d -> d.zones()).containsExactly(List.of("inner"), List.of("outer"));
        assertThat(policy.info().contentHash()).hasSize(64);
        assertThat(policy.facts()).extracting(f -> f.name()).containsExactly("emissionsOverStandard");
    }

    @ParameterizedTest
    @ValueSource(strings = {"shuimogou-2017", "huiji-2017", "baokou", "jiangjin-2021", "tianjin-market-2017"})
    void everyShippedPolicyCompilesAndCitesItsSources(String id) {
        CompiledPolicy policy = TestPolicies.load(id);
        assertThat(policy.id()).isEqualTo(id);
        assertThat(policy.tests()).allSatisfy(t -> assertThat(t.source()).isNotBlank());
        assertThat(policy.categories()).allSatisfy(c -> {
            assertThat(c.source()).isNotBlank();
            c.disposals().forEach(d -> assertThat(d.measure().source()).isNotBlank());
        });
        assertThat(policy.info().seed()).endsWith(".txt");
    }

    @Test
    void aYamlSyntaxErrorNamesTheLine() {
        PolicyFormatException e = refused(replace("title: 示例方案", "title: [示例方案"));
        assertThat(e.line()).isBetween(3, 5);
        assertThat(e.getMessage()).startsWith("第 ").contains("YAML 格式错误");
    }

    @Test
    void anUnknownFieldNamesTheLineAndTheAllowedFields() {
        PolicyFormatException e = refused(replace("    text: 停产整治。", "    txet: 停产整治。"));
        assertThat(e.line()).isEqualTo(29);
        assertThat(e.reason()).contains("不认识的字段“txet”").contains("text");
    }

    @Test
    void anUnknownFactIsRefused() {
        PolicyFormatException e = refused(replace("fact: emissionsOverStandard", "fact: emissionOverStandard"));
        assertThat(e.line()).isEqualTo(11);
        assertThat(e.reason()).contains("未知的事实“emissionOverStandard”");
    }

    @Test
    void categoriesMayOnlyReferToTests() {
        PolicyFormatException e = refused(replace("when: {test: 污}", "when: {fact: emissionsOverStandard, is: true}"));
        assertThat(e.line()).isEqualTo(15);
        assertThat(e.reason()).contains("只能引用检验");
    }

    @Test
    void everyZoneNeedsAMeasure() {
        PolicyFormatException e = refused(replace("      - zones: [outer]", "      - zones: [outer]\n        when: {test: 污}"));
        assertThat(e.reason()).contains("在郊区缺少无条件的处置措施");
        assertThat(refused(replace("      - zones: [outer]", "      - zones: [inner]")).reason()).contains("永远用不到");
    }

    @Test
    void aRuleWithoutSourceIsRefused() {
        PolicyFormatException e = refused(replace("    source: 二\n", ""));
        assertThat(e.line()).isEqualTo(9);
        assertThat(e.reason()).contains("缺少字段“source”");
    }

    @Test
    void wrongValuesAreExplained() {
        assertThat(refused(replace("kind: SHUTDOWN\n", "kind: CLOSE\n")).reason()).contains("不能是“CLOSE”").contains("SHUTDOWN");
        assertThat(refused(replace("production: stop", "production: halt")).reason()).contains("production 应为");
        assertThat(refused(replace("{workingDays: 5}", "{workingDays: five}")).reason()).contains("应为不小于 0 的整数");
        assertThat(refused(replace("{months: 1}", "{weeks: 1}")).reason()).contains("不认识的期限“weeks”");
        assertThat(refused(replace("zones: [outer]", "zones: [suburb]")).reason()).contains("未定义的区域“suburb”");
        assertThat(refused(replace("is: true}", "is: yes please}")).reason()).contains("应为 true 或 false");
        assertThat(refused(replace("version: 1", "version: one")).line()).isEqualTo(2);
        assertThat(refused(replace("id: demo", "id: Demo Policy")).reason()).contains("小写字母");
    }

    @Test
    void duplicateKeysAndIdsAreRefused() {
        assertThat(refused(replace("version: 1\n", "version: 1\nversion: 2\n")).reason()).contains("重复");
        assertThat(refused(replace("{id: outer, label: 郊区", "{id: inner, label: 郊区")).reason()).contains("区域“inner”重复");
    }

    @Test
    void anEmptyFileIsRefused() {
        assertThat(refused("   ").reason()).isEqualTo("文件为空");
        assertThat(refused("- a\n- b\n").reason()).contains("顶层应为映射");
    }

    @Test
    void escalationsReferToTheMeasuresOwnDeadlines() {
        PolicyFormatException e = refused(replace("          - {kind: REMEDIATE, due: {months: 1}}\n",
                "          - {kind: REMEDIATE, due: {months: 1}}\n        escalations:\n          - {after: RELOCATE, trigger: 逾期, action: 关停, source: 四}\n"));
        assertThat(e.reason()).contains("不是本措施的期限");
    }
}
