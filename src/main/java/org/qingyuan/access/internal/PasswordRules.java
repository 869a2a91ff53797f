package org.qingyuan.access.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.qingyuan.access.LoginPolicy;
import org.qingyuan.shared.InvalidInputException;

/** Checks a new password against the login policy; the message names the rule that failed. */
final class PasswordRules {

    private static final Set<String> COMMON = load();

    private PasswordRules() {
    }

    static void check(String field, String password, String username, LoginPolicy policy) {
        if (password == null || password.length() < policy.minLength()) {
            throw new InvalidInputException(field, "密码至少需要 " + policy.minLength() + " 位");
        }
        if (password.length() > 128) {
            throw new InvalidInputException(field, "密码不能超过 128 位");
        }
        if (classes(password) < policy.minClasses()) {
            throw new InvalidInputException(field, "密码需包含大写字母、小写字母、数字、符号中的至少 " + policy.minClasses() + " 类");
        }
        if (username != null && !username.isBlank()
                && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            throw new InvalidInputException(field, "密码不能包含用户名");
        }
        if (COMMON.contains(password.toLowerCase(Locale.ROOT))) {
            throw new InvalidInputException(field, "密码过于常见，请换一个");
        }
    }

    static int classes(String password) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean symbol = false;
        for (char c : password.toCharArray()) {
            if (c >= 'a' && c <= 'z') {
                lower = true;
            } else if (c >= 'A' && c <= 'Z') {
                upper = true;
            } else if (c >= '0' && c <= '9') {
                digit = true;
            } else {
                symbol = true;
            }
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        try (var in = PasswordRules.class.getResourceAsStream("/access/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("missing common-passwords.txt");
            }
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .forEach(l -> words.add(l.toLowerCase(Locale.ROOT)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }
}
