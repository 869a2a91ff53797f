package org.qingyuan.policy.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.qingyuan.platform.Deployment;
import org.qingyuan.shared.DivisionCode;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The policy files shipped with the platform, and the one a new deployment activates for its home district. */
final class ShippedPolicies {

    private ShippedPolicies() {
    }

    static List<CompiledPolicy> all() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:policies/*.yaml");
            List<CompiledPolicy> policies = new ArrayList<>();
            for (Resource file : files) {
                policies.add(PolicyParser.parse(file.getContentAsString(StandardCharsets.UTF_8)));
            }
            policies.sort(Comparator.comparing(CompiledPolicy::id));
            return policies;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The configured policy, else the one whose region most closely contains the home district. */
    static Optional<CompiledPolicy> defaultPolicy(List<CompiledPolicy> shipped, PolicyProperties properties, Deployment deployment) {
        if (properties.active() != null && !properties.active().isBlank()) {
            return Optional.of(shipped.stream().filter(p -> p.id().equals(properties.active().strip()))
                    .max(Comparator.comparingInt(CompiledPolicy::version))
                    .orElseThrow(() -> new IllegalStateException("qingyuan.policy.active: no shipped policy " + properties.active())));
        }
        DivisionCode home = deployment.homeDistrict();
        return shipped.stream()
                .filter(p -> p.info().region() != null && DivisionCode.of(p.info().region()).contains(home))
                .max(Comparator.comparingInt((CompiledPolicy p) -> p.info().region().length()).thenComparing(CompiledPolicy::id,
                        Comparator.reverseOrder()).thenComparingInt(CompiledPolicy::version));
    }
}
