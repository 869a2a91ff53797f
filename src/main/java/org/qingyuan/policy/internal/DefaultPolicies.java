package org.qingyuan.policy.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import org.qingyuan.audit.AuditEvent;
import org.qingyuan.audit.AuditTrail;
import org.qingyuan.platform.Deployment;
import org.qingyuan.policy.Classification;
import org.qingyuan.policy.Facts;
import org.qingyuan.policy.Policies;
import org.qingyuan.policy.Policy;
import org.qingyuan.policy.PolicyActivated;
import org.qingyuan.policy.PolicySummary;
import org.qingyuan.policy.PopulationPreview;
import org.qingyuan.policy.PreviewInput;
import org.qingyuan.policy.PreviewPopulation;
import org.qingyuan.policy.PreviewReport;
import org.qingyuan.policy.WorkingDays;
import org.qingyuan.policy.Zone;
import org.qingyuan.policy.ZoneAssignment;
import org.qingyuan.policy.internal.PolicyStore.Activation;
import org.qingyuan.policy.internal.PolicyStore.StoredVersion;
import org.qingyuan.region.Divisions;
import org.qingyuan.shared.ConflictException;
import org.qingyuan.shared.DivisionCode;
import org.qingyuan.shared.DivisionLevel;
import org.qingyuan.shared.InvalidInputException;
import org.qingyuan.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The policies of the deployment. At start the shipped policy files are registered (a shipped
 * file changed without a new version stops the start: versions never change) and, when nothing was
 * ever activated, the policy of the home district is activated. The catalogue is kept in memory
 * and re-read when another node changed the tables.
 */
@Service
class DefaultPolicies implements Policies, SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DefaultPolicies.class);
    private static final long RECHECK_NANOS = 5_000_000_000L;
    static final String SYSTEM = "system";

    private final PolicyStore store;
    private final WorkingDays workingDays;
    private final Deployment deployment;
    private final Divisions divisions;
    private final PolicyProperties properties;
    private final ApplicationEventPublisher events;
    private final Map<String, CompiledPolicy> compiledByHash = new HashMap<>();
    private volatile PolicyCatalogue catalogue;

    private final AuditTrail audit;
    private final ObjectProvider<PreviewPopulation> population;

    DefaultPolicies(PolicyStore store, WorkingDays workingDays, Deployment deployment, Divisions divisions,
                    PolicyProperties properties, ApplicationEventPublisher events, AuditTrail audit,
                    ObjectProvider<PreviewPopulation> population) {
        this.audit = audit;
        this.population = population;
        this.store = store;
        this.workingDays = workingDays;
        this.deployment = deployment;
        this.divisions = divisions;
        this.properties = properties;
        this.events = events;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<CompiledPolicy> shipped = shipped();
        for (CompiledPolicy policy : shipped) {
            if (!store.insert(policy, "SHIPPED", SYSTEM)) {
                String stored = store.contentHash(policy.id(), policy.version()).orElseThrow();
                if (!stored.equals(policy.info().contentHash())) {
                    throw new IllegalStateException("Shipped policy " + policy.id() + " version " + policy.version()
                            + " differs from the registered one: give the changed file a new version");
                }
            }
        }
        if (store.currentActivation().isEmpty()) {
            defaultPolicy(shipped).ifPresent(p -> {
                store.activateIfNone(p.id(), p.version(), SYSTEM);
                log.info("Policy {} version {} activated for home district {}", p.id(), p.version(), deployment.homeDistrict());
            });
        }
        reload();
    }

    private static List<CompiledPolicy> shipped() {
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
    private Optional<CompiledPolicy> defaultPolicy(List<CompiledPolicy> shipped) {
        if (properties.active() != null && !properties.active().isBlank()) {
            return Optional.of(shipped.stream().filter(p -> p.id().equals(properties.active().strip())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("qingyuan.policy.active: no shipped policy " + properties.active())));
        }
        DivisionCode home = deployment.homeDistrict();
        return shipped.stream()
                .filter(p -> p.info().region() != null && DivisionCode.of(p.info().region()).contains(home))
                .max(Comparator.comparingInt((CompiledPolicy p) -> p.info().region().length()).thenComparing(CompiledPolicy::id,
                        Comparator.reverseOrder()));
    }

    private synchronized PolicyCatalogue reload() {
        String stamp = store.stamp();
        Map<String, NavigableMap<Integer, CompiledPolicy>> policies = new TreeMap<>();
        for (StoredVersion stored : store.versions()) {
            try {
                CompiledPolicy policy = compiledByHash.computeIfAbsent(stored.contentHash(), h -> PolicyParser.parse(stored.content()));
                policies.computeIfAbsent(stored.policyId(), id -> new TreeMap<>()).put(stored.version(), policy);
            } catch (RuntimeException e) {
                log.error("Policy {} version {} cannot be read and is not used: {}", stored.policyId(), stored.version(), e.getMessage());
            }
        }
        Activation activation = store.currentActivation().orElse(null);
        catalogue = new PolicyCatalogue(policies, activation, store.assignments(), stamp, System.nanoTime());
        return catalogue;
    }

    private PolicyCatalogue catalogue() {
        PolicyCatalogue current = catalogue;
        if (current != null && System.nanoTime() - current.checkedAt() < RECHECK_NANOS) {
            return current;
        }
        synchronized (this) {
            current = catalogue;
            if (current != null && store.stamp().equals(current.stamp())) {
                catalogue = current.checkedNow();
                return catalogue;
            }
            return reload();
        }
    }

    @Override
    public List<PolicySummary> list() {
        PolicyCatalogue c = catalogue();
        List<PolicySummary> result = new ArrayList<>();
        for (String id : c.policies().keySet()) {
            CompiledPolicy latest = c.latest(id).orElseThrow();
            Integer activeVersion = c.activation() != null && c.activation().policyId().equals(id) ? c.activation().version() : null;
            var info = latest.info();
            result.add(new PolicySummary(id, info.version(), info.title(), info.issuer(), info.document(), info.region(),
                    activeVersion, c.versions(id)));
        }
        return result;
    }

    @Override
    public Policy get(String id) {
        return catalogue().latest(id).orElseThrow(() -> new NotFoundException("实施方案“" + id + "”不存在"));
    }

    @Override
    public Policy get(String id, int version) {
        get(id);
        return catalogue().find(id, version).orElseThrow(() -> new NotFoundException("实施方案“" + id + "”没有第 " + version + " 版"));
    }

    @Override
    public Optional<Policy> active() {
        return catalogue().active().map(p -> p);
    }

    @Override
    public Classification classify(Facts facts, DivisionCode division, String zoneOverride, LocalDate noticeDate) {
        Policy policy = active().orElseThrow(() -> new ConflictException("尚未启用实施方案，无法分类"));
        return policy.evaluate(facts, zoneFor(policy, division, zoneOverride), noticeDate, workingDays.calendar());
    }

    @Override
    public Classification evaluate(String policyId, int version, Facts facts, String zone, LocalDate noticeDate) {
        return get(policyId, version).evaluate(facts, zone, noticeDate, workingDays.calendar());
    }

    private String zoneFor(Policy policy, DivisionCode division, String zoneOverride) {
        if (zoneOverride != null && !zoneOverride.isBlank()) {
            return zoneOverride.strip();
        }
        return division == null ? null : zoneOf(policy, division).orElse(null);
    }

    @Override
    public Optional<String> zoneOf(String policyId, DivisionCode division) {
        return zoneOf(zonePolicy(policyId), division);
    }

    /** The active version of the policy when it is the active one, else its latest version. */
    private Policy zonePolicy(String policyId) {
        Optional<Policy> active = active().filter(p -> p.id().equals(policyId));
        return active.orElseGet(() -> get(policyId));
    }

    private Optional<String> zoneOf(Policy policy, DivisionCode division) {
        if (policy.zones().isEmpty()) {
            return Optional.empty();
        }
        Map<String, String[]> assigned = catalogue().assignmentsOf(policy.id());
        for (DivisionCode code = division; code != null && code.level().compareTo(DivisionLevel.COUNTY) >= 0; code = code.parent()) {
            String[] byAdministrator = assigned.get(code.value());
            if (byAdministrator != null && policy.zone(byAdministrator[0]).isPresent()) {
                return Optional.of(byAdministrator[0]);
            }
            for (Zone zone : policy.zones()) {
                if (zone.divisions().contains(code.value())) {
                    return Optional.of(zone.id());
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public List<ZoneAssignment> zoneAssignments(String policyId) {
        Policy policy = zonePolicy(policyId);
        Map<String, ZoneAssignment> result = new TreeMap<>();
        for (Zone zone : policy.zones()) {
            zone.divisions().forEach(d -> result.put(d, new ZoneAssignment(d, zone.id(), false, null)));
        }
        catalogue().assignmentsOf(policyId).forEach((division, zone) -> result.put(division,
                new ZoneAssignment(division, zone[0], true, zone[1])));
        return List.copyOf(result.values());
    }

    @Override
    @Transactional
    public ZoneAssignment assignZone(String policyId, DivisionCode division, String zone, String assignedBy) {
        Policy policy = zonePolicy(policyId);
        divisions.get(division);
        if (policy.info().region() != null && !DivisionCode.of(policy.info().region()).contains(division)) {
            throw new InvalidInputException("division", "区划 " + division + " 不在实施方案“" + policy.info().title() + "”的适用范围内");
        }
        if (zone == null || zone.isBlank()) {
            store.unassign(policyId, division.value());
            audit.record(new AuditEvent("POLICY_ZONE_UNASSIGNED", "Policy", policyId, null,
                    java.util.Map.of("division", division.value())));
            reload();
            return zoneAssignments(policyId).stream().filter(a -> a.division().equals(division.value())).findFirst()
                    .orElse(new ZoneAssignment(division.value(), null, false, null));
        }
        if (policy.zone(zone).isEmpty()) {
            throw new InvalidInputException("zone", "实施方案“" + policy.info().title() + "”没有区域“" + zone + "”");
        }
        store.assign(policyId, division.value(), zone, assignedBy);
        audit.record(new AuditEvent("POLICY_ZONE_ASSIGNED", "Policy", policyId, null,
                java.util.Map.of("division", division.value(), "zone", zone)));
        reload();
        return new ZoneAssignment(division.value(), zone, true, assignedBy);
    }

    @Override
    @Transactional
    public Policy register(String content, String registeredBy) {
        CompiledPolicy policy = PolicyParser.parse(content);
        Optional<String> existing = store.contentHash(policy.id(), policy.version());
        if (existing.isPresent()) {
            if (existing.get().equals(policy.info().contentHash())) {
                return get(policy.id(), policy.version());
            }
            throw new ConflictException("实施方案“" + policy.id() + "”第 " + policy.version() + " 版已存在且内容不同：修改后的方案请使用新的版本号");
        }
        store.insert(policy, "UPLOADED", registeredBy);
        audit.record(new AuditEvent("POLICY_REGISTERED", "Policy", policy.id(), null,
                java.util.Map.of("version", policy.version(), "contentHash", policy.info().contentHash())));
        log.info("Policy {} version {} registered by {}", policy.id(), policy.version(), registeredBy);
        reload();
        return policy;
    }

    @Override
    @Transactional
    public Policy activate(String policyId, int version, String activatedBy) {
        Policy policy = get(policyId, version);
        Optional<Policy> previous = active();
        Activation activation = store.activate(policyId, version, activatedBy);
        audit.record(new AuditEvent("POLICY_ACTIVATED", "Policy", policyId, null, java.util.Map.of("version", version,
                "previous", previous.map(p -> p.id() + " v" + p.version()).orElse("-"))));
        events.publishEvent(new PolicyActivated(policyId, version, previous.map(Policy::id).orElse(null),
                previous.map(Policy::version).orElse(null), activatedBy, activation.activatedAt()));
        log.info("Policy {} version {} activated by {}", policyId, version, activatedBy);
        reload();
        return policy;
    }

    @Override
    public PreviewReport preview(String policyId, int version, List<PreviewInput> inputs, LocalDate noticeDate) {
        Policy candidate = get(policyId, version);
        Policy current = active().orElse(null);
        List<PreviewReport.Change> changes = new ArrayList<>();
        for (PreviewInput input : inputs) {
            Classification to = classifyFor(candidate, input, noticeDate);
            Classification from = current == null ? null : classifyFor(current, input, noticeDate);
            String fromMeasure = from == null || from.measure() == null ? null : from.measure().label();
            String toMeasure = to.measure() == null ? null : to.measure().label();
            if (from == null || !from.category().equals(to.category()) || !Objects.equals(fromMeasure, toMeasure)) {
                changes.add(new PreviewReport.Change(input.key(), from == null ? null : from.category(), to.category(),
                        fromMeasure, toMeasure));
            }
        }
        return new PreviewReport(current == null ? null : current.id(), current == null ? null : current.version(),
                candidate.id(), candidate.version(), inputs.size(), List.copyOf(changes));
    }

    @Override
    public PopulationPreview previewPopulation(String policyId, int version, DivisionCode within, LocalDate noticeDate,
                                               int sampleLimit) {
        Policy candidate = get(policyId, version);
        Policy current = active().orElse(null);
        long[] counts = new long[3];
        Map<String, Long> transitions = new HashMap<>();
        List<PreviewReport.Change> sample = new ArrayList<>();
        PreviewPopulation enterprises = population.getIfAvailable();
        if (enterprises != null) {
            enterprises.forEach(within, 1000, batch -> {
                PreviewReport report = preview(policyId, version, batch, noticeDate);
                counts[0] += report.total();
                for (PreviewReport.Change change : report.changes()) {
                    if (change.categoryChanged()) {
                        counts[1]++;
                        transitions.merge((change.fromCategory() == null ? "（无）" : change.fromCategory()) + " → "
                                + change.toCategory(), 1L, Long::sum);
                    } else {
                        counts[2]++;
                    }
                    if (sample.size() < sampleLimit) {
                        sample.add(change);
                    }
                }
            });
        }
        Map<String, Long> sorted = new java.util.LinkedHashMap<>();
        transitions.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return new PopulationPreview(current == null ? null : current.id(), current == null ? null : current.version(),
                candidate.id(), candidate.version(), counts[0], counts[1], counts[2], sorted, List.copyOf(sample));
    }

    private boolean declaredByAnother(String name) {
        PolicyCatalogue c = catalogue();
        return c.policies().keySet().stream().anyMatch(id -> c.latest(id).map(p -> p.fact(name).isPresent()).orElse(false));
    }

    /** A zone override that the policy does not know is ignored (zones differ between policies). */
    private Classification classifyFor(Policy policy, PreviewInput input, LocalDate noticeDate) {
        String zone = zoneFor(policy, input.division(), input.zoneOverride());
        if (zone != null && policy.zone(zone).isEmpty()) {
            zone = input.division() == null ? null : zoneOf(policy, input.division()).orElse(null);
        }
        Facts facts = input.facts();
        if (facts.asMap().keySet().stream().anyMatch(name -> policy.fact(name).isEmpty())) {
            // facts another plan declares (recorded on the enterprise under it) mean nothing to this one; a name no
            // plan declares is still refused
            Map<String, Object> known = new java.util.HashMap<>(facts.asMap());
            known.keySet().removeIf(name -> policy.fact(name).isEmpty() && declaredByAnother(name));
            facts = Facts.of(known);
        }
        return policy.evaluate(facts, zone, noticeDate, workingDays.calendar());
    }
}
