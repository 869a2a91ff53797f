package org.qingyuan.policy.internal;

/** The smallest valid plan: one test, one category with one disposal; the tests of optional sections append theirs. */
final class MinimalPlan {

    private MinimalPlan() {
    }

    static final String PLAN = """
            id: demo
            version: 1
            title: 示例方案
            document: 示例〔2026〕1号
            tests:
              - {id: 污, label: 超标排放, when: {fact: emissionsOverStandard, is: true}, source: 二}
            categories:
              - id: 污
                when: {test: 污}
                source: 三
                disposal:
                  - {kind: SHUTDOWN, label: 关停, text: 关停取缔。, production: stop, source: 三}
            """;
}
