package org.qingyuan.policy.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    static final String SYSTEM = "system";

    private final PolicyStore store;
    private final WorkingDays workingDays;
    private final Deployment deployment;
    private final Divisions divisions;
    private final PolicyProperties properties;
    private final ApplicationEventPublisher events;
    private final PolicyCatalogues catalogues;

    private final AuditTrail audit;
    private final ObjectProvider<PreviewPopulation> population;

    DefaultPolicies(PolicyStore store, WorkingDays workingDays, Deployment deployment, Divisions divisions,
                    PolicyProperties properties, ApplicationEventPublisher events, AuditTrail audit,
                    ObjectProvider<PreviewPopulation> population, PolicyCatalogues catalogues) {
        this.audit = audit;
        this.catalogues = catalogues;
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
        List<CompiledPolicy> shipped = ShippedPolicies.all();
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
            ShippedPolicies.defaultPolicy(shipped, properties, deployment).ifPresent(p -> {
                store.activateIfNone(p.id(), p.version(), SYSTEM);
                log.info("Policy {} version {} activated for home district {}", p.id(), p.version(), deployment.homeDistrict());
            });
        }
        catalogues.reload();
    }

    @Override
    public List<PolicySummary> list() {
        PolicyCatalogue c = catalogues.current();
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
        return catalogues.current().latest(id).orElseThrow(() -> new NotFoundException("实施方案“" + id + "”不存在"));
    }

    @Override
    public Policy get(String id, int version) {
        get(id);
        return catalogues.current().find(id, version).orElseThrow(() -> new NotFoundException("实施方案“" + id + "”没有第 " + version + " 版"));
    }

    @Override
    public Optional<Policy> active() {
        return catalogues.current().active().map(p -> p);
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
        Map<String, String[]> assigned = catalogues.current().assignmentsOf(policy.id());
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
        catalogues.current().assignmentsOf(policyId).forEach((division, zone) -> result.put(division,
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
            catalogues.reload();
            return zoneAssignments(policyId).stream().filter(a -> a.division().equals(division.value())).findFirst()
                    .orElse(new ZoneAssignment(division.value(), null, false, null));
        }
        if (policy.zone(zone).isEmpty()) {
            throw new InvalidInputException("zone", "实施方案“" + policy.info().title() + "”没有区域“" + zone + "”");
        }
        store.assign(policyId, division.value(), zone, assignedBy);
        audit.record(new AuditEvent("POLICY_ZONE_ASSIGNED", "Policy", policyId, null,
                java.util.Map.of("division", division.value(), "zone", zone)));
        catalogues.reload();
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
        catalogues.reload();
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
        catalogues.reload();
        return policy;
    }

    @Override
    public PreviewReport preview(String policyId, int version, List<PreviewInput> inputs, LocalDate noticeDate) {
        return ActivationPreview.compare(get(policyId, version), active().orElse(null), inputs, noticeDate, this::classifyFor);
    }

    @Override
    public PopulationPreview previewPopulation(String policyId, int version, DivisionCode within, LocalDate noticeDate,
                                               int sampleLimit) {
        return ActivationPreview.population(get(policyId, version), active().orElse(null), population.getIfAvailable(), within,
                sampleLimit, batch -> preview(policyId, version, batch, noticeDate));
    }

    private boolean declaredByAnother(String name) {
        PolicyCatalogue c = catalogues.current();
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
