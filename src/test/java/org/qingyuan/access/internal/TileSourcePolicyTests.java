package org.qingyuan.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The content security policy lets the configured base map's tiles in, and nothing else. */
class TileSourcePolicyTests {

    @Test
    void aConfiguredTileServerIsAllowedAsAnImageSourceWithItsSubdomainPlaceholderAsAWildcard() {
        assertThat(SecurityConfiguration.contentSecurityPolicy("https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png"))
                .contains("img-src 'self' data: blob: https://*.tile.openstreetmap.org;");
        assertThat(SecurityConfiguration.contentSecurityPolicy("http://10.1.2.3:8080/tiles/{z}/{x}/{y}.png"))
                .contains("img-src 'self' data: blob: http://10.1.2.3:8080;");
    }

    @Test
    void withoutATileServerOrWithAMalformedOneThePolicyStaysSelfOnly() {
        assertThat(SecurityConfiguration.contentSecurityPolicy("")).isEqualTo(SecurityConfiguration.CONTENT_SECURITY_POLICY);
        assertThat(SecurityConfiguration.contentSecurityPolicy("javascript:alert(1)")).isEqualTo(SecurityConfiguration.CONTENT_SECURITY_POLICY);
        assertThat(SecurityConfiguration.contentSecurityPolicy("https://a.org; script-src *")).doesNotContain("script-src *");
    }
}
