package org.qingyuan.access.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.qingyuan.access.LoginPolicy;

class PasswordRulesTests {

    private final LoginPolicy policy = new LoginPolicy(8, 3, 5, 30, 30, 12, 90, Set.of(), 30, 10, 0);

    @Test
    void needsEightCharactersOfThreeClasses() {
        assertThatThrownBy(() -> PasswordRules.check("p", "Ab1#", "u", policy)).hasMessageContaining("至少需要 8 位");
        assertThatThrownBy(() -> PasswordRules.check("p", "abcdefgh1", "u", policy)).hasMessageContaining("至少 3 类");
        assertThatCode(() -> PasswordRules.check("p", "abcdefg1#", "u", policy)).doesNotThrowAnyException();
    }

    @Test
    void mayNotContainTheUserNameInAnyCase() {
        assertThatThrownBy(() -> PasswordRules.check("p", "xxTOWNxx1#", "town", policy)).hasMessageContaining("用户名");
    }

    @Test
    void refusesCommonPasswordsThatPassTheOtherRules() {
        assertThatThrownBy(() -> PasswordRules.check("p", "P@ssw0rd", "u", policy)).hasMessageContaining("常见");
        assertThatThrownBy(() -> PasswordRules.check("p", "1qaz@WSX", "u", policy)).hasMessageContaining("常见");
    }

    @Test
    void generatedPasswordsMeetTheDefaultPolicy() {
        for (int i = 0; i < 200; i++) {
            String generated = GeneratedPasswords.next();
            assertThatCode(() -> PasswordRules.check("p", generated, "someone", policy)).doesNotThrowAnyException();
        }
    }
}
