package org.qingyuan.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** GB 32100-2015 check with the real codes of shared/data/uscc/vectors.tsv (copied to src/test/resources/uscc). */
class CreditCodeTests {

    record Vector(String code, String expected, String note) {
    }

    static List<Vector> vectors() throws IOException {
        try (InputStream in = CreditCodeTests.class.getResourceAsStream("/uscc/vectors.tsv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.startsWith("#") && !l.isBlank())
                    .map(l -> l.split("\t")).map(f -> new Vector(f[0], f[1], f.length > 2 ? f[2] : "")).toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void eachRealVectorIsJudgedAsExpected(Vector v) {
        switch (v.expected()) {
            case "valid" -> assertThat(CreditCode.parse(v.code()).status()).isEqualTo(CreditCode.Status.VALID);
            case "legacy-fails-checksum" -> {
                CreditCode code = CreditCode.parse(v.code());
                assertThat(code.status()).isEqualTo(CreditCode.Status.LEGACY);
                assertThat(code.warning()).contains("早期试点").contains("“3”");
            }
            case "invalid" -> assertThatThrownBy(() -> CreditCode.parse(v.code())).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("统一社会信用代码");
            default -> throw new IllegalStateException(v.expected());
        }
    }

    @Test
    void vectorFileHasEveryKind() throws IOException {
        assertThat(vectors()).extracting(Vector::expected).contains("valid", "legacy-fails-checksum", "invalid");
    }

    @Test
    void fullWidthLowerCaseAndSpacesAreCanonicalised() {
        assertThat(CreditCode.parse(" ９１４４０３００７０８４６１１３６t ").value()).isEqualTo("91440300708461136T");
        assertThat(CreditCode.parse("9144 0300 7084 6113 6T").value()).isEqualTo("91440300708461136T");
    }

    @Test
    void aWrongCheckCharacterOfAnOrganisationCodeBasedCodeNamesTheRightOne() {
        assertThatThrownBy(() -> CreditCode.parse("91110108717809965C")).hasMessageContaining("应为“J”");
    }

    @Test
    void lettersThatTheStandardLeavesOutAreRejectedWithTheirPosition() {
        assertThatThrownBy(() -> CreditCode.parse("91440300708461136O")).hasMessageContaining("第 18 位");
        assertThatThrownBy(() -> CreditCode.parse("91AB0300708461136T")).hasMessageContaining("第 3–8 位");
    }

    @Test
    void checkCharacterFollowsTheStandardsWeights() {
        assertThat(CreditCode.checkCharacter("91350211M00013FA1")).isEqualTo('3');
        assertThat(CreditCode.checkCharacter("91512081MA62K0260")).isEqualTo('E');
    }
}
