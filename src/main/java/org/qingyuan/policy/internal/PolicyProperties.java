package org.qingyuan.policy.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * Policy settings, bound from {@code qingyuan.policy.*} or {@code QINGYUAN_POLICY_*}.
 *
 * @param active the policy id to activate when none has been activated yet ({@code QINGYUAN_POLICY_ACTIVE}); unset means
 *               the shipped policy whose region contains the home district
 */
@ConfigurationProperties("qingyuan.policy")
record PolicyProperties(String active) {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(PolicyProperties.class)
    static class Registration {
    }
}
