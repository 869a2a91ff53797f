package org.qingyuan.assessment.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.qingyuan.access.ActingUsers;
import org.qingyuan.access.RoleHolders;
import org.qingyuan.access.Scope;
import org.qingyuan.assessment.AccountabilityRecord;
import org.qingyuan.assessment.AssessmentIndicator;
import org.qingyuan.assessment.FrozenInputs;
import org.qingyuan.assessment.IndicatorValue;
import org.qingyuan.assessment.Quarter;
import org.qingyuan.assessment.QuarterKey;
import org.qingyuan.assessment.QuarterState;
import org.qingyuan.assessment.Ranking;
import org.qingyuan.audit.AuditEvent;
import org.qingyuan.audit.AuditTrail;
import org.qingyuan.notification.Inbox;
import org.qingyuan.notification.Notice;
import org.qingyuan.platform.Deployment;
import org.qingyuan.policy.AssessmentScheme;
import org.qingyuan.policy.Policies;
import org.qingyuan.policy.Policy;
import org.qingyuan.region.Division;
import org.qingyuan.region.Divisions;
import org.qingyuan.shared.ConflictException;
import org.qingyuan.shared.DivisionCode;
import org.qingyuan.shared.DivisionLevel;
import org.qingyuan.shared.NotFoundException;
import org.qingyuan.shared.Sm3;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The quarters of a district: open ones computed live from the active plan's scheme, frozen ones read from their
 * stored inputs. Freezing gathers every contributor's values as of the cut-off, keeps them with their SM3 digest and
 * the ranking; recomputing checks the digest and ranks the stored inputs again; publishing writes the bulletin and
 * tells every unit. Every read is limited to the caller's district, a town's officer to his own town until publication.
 */
@Service
public class AssessmentService {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final String OWNER_TYPE = "AssessmentQuarter";
    /** The roles that receive the published bulletin in their inboxes. */
    static final List<String> RECIPIENTS = List.of("TOWN_OFFICER", "DISTRICT_OFFICE", "SUPERVISOR", "LEADER");

    private final QuarterStore store;
    private final List<AssessmentIndicator> contributors;
    private final Policies policies;
    private final Divisions divisions;
    private final Deployment deployment;
    private final AccountabilityStore records;
    private final AuditTrail audit;
    private final Inbox inbox;
    private final RoleHolders holders;
    private final ActingUsers actors;
    private final Clock clock;

    AssessmentService(QuarterStore store, List<AssessmentIndicator> contributors, Policies policies, Divisions divisions,
                      Deployment deployment, AccountabilityStore records, AuditTrail audit, Inbox inbox, RoleHolders holders,
                      ActingUsers actors, Clock clock) {
        this.store = store;
        this.contributors = List.copyOf(contributors);
        this.policies = policies;
        this.divisions = divisions;
        this.deployment = deployment;
        this.records = records;
        this.audit = audit;
        this.inbox = inbox;
        this.holders = holders;
        this.actors = actors;
        this.clock = clock;
    }

    /** What a recomputation found: the digest and ranking recomputed from the stored inputs, and whether they match. */
    public record Recomputation(Quarter quarter, String storedDigest, String digest, boolean digestMatches, boolean rankingMatches,
                                Ranking ranking) {

        public boolean identical() {
            return digestMatches && rankingMatches;
        }
    }

    /** The published bulletin. */
    public record BulletinFile(String fileName, byte[] content) {
    }

    // ---------------------------------------------------------------- reads

    public LocalDate today() {
        return LocalDate.now(clock.withZone(CHINA));
    }

    /** The scheme of the active plan (the default without one). */
    public AssessmentScheme scheme() {
        return policies.active().map(Policy::assessment).orElse(AssessmentScheme.DEFAULT);
    }

    /** The district whose quarters the caller sees. */
    public DivisionCode district(Scope scope) {
        DivisionCode d = scope.division();
        if (d.level().ordinal() >= DivisionLevel.COUNTY.ordinal()) {
            return DivisionCode.of(d.value().substring(0, 6));
        }
        if (scope.covers(deployment.homeDistrict())) {
            return deployment.homeDistrict();
        }
        throw new NotFoundException("您的辖区不是区县，没有季度考核");
    }

    /** The town of a town's or village's officer, else null (he sees the whole district). */
    public static String townOf(Scope scope) {
        return scope.division().level().ordinal() >= DivisionLevel.TOWN.ordinal() ? scope.division().value().substring(0, 9) : null;
    }

    /** The current quarter and the four before it, and any other stored quarter, newest first. */
    @Transactional(readOnly = true)
    public List<Quarter> list(Scope scope) {
        DivisionCode district = district(scope);
        Map<QuarterKey, Quarter> all = new TreeMap<>(java.util.Comparator.reverseOrder());
        QuarterKey k = QuarterKey.of(today());
        AssessmentScheme scheme = scheme();
        for (int i = 0; i < 5; i++, k = k.previous()) {
            all.put(k, open(district, k, scheme));
        }
        for (QuarterStore.Stored s : store.list(district.value())) {
            all.put(s.quarter().key(), s.quarter());
        }
        return all.values().stream().map(q -> visible(q, scope)).toList();
    }

    @Transactional(readOnly = true)
    public Quarter get(Scope scope, QuarterKey key) {
        DivisionCode district = district(scope);
        if (key.compareTo(QuarterKey.of(today())) > 0) {
            throw new NotFoundException(key.label() + "尚未开始");
        }
        return visible(store.find(district.value(), key).map(QuarterStore.Stored::quarter)
                .orElseGet(() -> open(district, key, scheme())), scope);
    }

    private Quarter visible(Quarter q, Scope scope) {
        String town = townOf(scope);
        return town == null ? q : q.seenByTown(town);
    }

    private Quarter open(DivisionCode district, QuarterKey key, AssessmentScheme scheme) {
        return new Quarter(0, district.value(), key, QuarterState.OPEN, key.last().plusDays(scheme.cutOffDays()), scheme, null, null,
                null, null, null, null, null, null, null, 0);
    }

    // ---------------------------------------------------------------- freeze

    /**
     * Freezes a quarter on or after its cut-off: the district office's button (or API), and the daily sweep once the
     * cut-off has passed. Before the cut-off nobody freezes: the towns still have until then to catch up.
     */
    @Transactional
    public Quarter freeze(Scope scope, QuarterKey key, String reason) {
        DivisionCode district = district(scope);
        return freeze(district, key, reason, false);
    }

    /** The sweep's freeze of a district's quarter whose cut-off has passed; empty when frozen already or not yet due. */
    @Transactional
    public Optional<Quarter> freezeDue(DivisionCode district, QuarterKey key) {
        LocalDate cutOff = key.last().plusDays(scheme().cutOffDays());
        if (!today().isAfter(cutOff) || store.find(district.value(), key).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(freeze(district, key, "截止日 " + cutOff + " 已过，每日巡检自动冻结", true));
    }

    private Quarter freeze(DivisionCode district, QuarterKey key, String reason, boolean sweep) {
        if (store.find(district.value(), key).isPresent()) {
            throw new ConflictException(key.label() + "的考核已冻结，冻结后的数据不再改变；如需核对请使用“重新计算”");
        }
        AssessmentScheme scheme = scheme();
        LocalDate cutOff = key.last().plusDays(scheme.cutOffDays());
        if (today().isBefore(cutOff)) {
            throw new ConflictException(key.label() + "的截止日为 " + cutOff + "，截止日前不能冻结（各镇街仍可补报、销号）");
        }
        FrozenInputs inputs = gather(district, key, cutOff, scheme);
        String inputsJson = AssessmentJson.inputs(inputs);
        String digest = Sm3.hex(inputsJson);
        Ranking ranking = Ranking.compute(inputs, scheme);
        String by = actors.username();
        if (!store.insertFrozen(district.value(), key, cutOff, AssessmentJson.scheme(scheme), inputsJson, digest,
                AssessmentJson.ranking(ranking), clock.instant(), by)) {
            throw new ConflictException(key.label() + "的考核刚被冻结，请刷新后查看");
        }
        Quarter frozen = store.find(district.value(), key).orElseThrow().quarter();
        Map<String, Object> details = details(frozen);
        details.put("inputsDigest", digest);
        details.put("by", sweep ? "sweep" : "office");
        details.put("first", ranking.rows().isEmpty() ? "" : ranking.rows().get(0).name());
        audit.record(new AuditEvent("ASSESSMENT_FROZEN", OWNER_TYPE, Long.toString(frozen.id()),
                reason == null || reason.isBlank() ? "区办冻结" + key.label() + "考核数据" : reason.strip(), details));
        return frozen;
    }

    /** Every contributor's values for the district's towns, as of the cut-off. */
    public FrozenInputs gather(DivisionCode district, QuarterKey key, LocalDate cutOff, AssessmentScheme scheme) {
        List<FrozenInputs.Town> towns = towns(district);
        Map<String, Map<String, IndicatorValue>> values = new HashMap<>();
        for (AssessmentScheme.Indicator indicator : scheme.indicators()) {
            for (AssessmentIndicator c : contributors) {
                if (c.code().equals(indicator.code())) {
                    Map<String, IndicatorValue> byTown = new HashMap<>();
                    c.values(district, key.first(), key.last(), cutOff).forEach((town, v) -> {
                        if (towns.stream().anyMatch(t -> t.code().equals(town))) {
                            byTown.put(town, v);
                        }
                    });
                    values.put(indicator.code(), byTown);
                    break;
                }
            }
        }
        return new FrozenInputs(district.value(), key.year(), key.quarter(), key.first(), key.last(), cutOff, towns, values);
    }

    private List<FrozenInputs.Town> towns(DivisionCode district) {
        List<FrozenInputs.Town> towns = new ArrayList<>();
        for (Division d : divisions.children(district)) {
            towns.add(new FrozenInputs.Town(d.code().value(), d.name()));
        }
        return towns;
    }

    /** The codes of the indicators that have a contributor in this deployment. */
    public List<String> contributedCodes() {
        return contributors.stream().map(AssessmentIndicator::code).distinct().sorted().toList();
    }

    // ---------------------------------------------------------------- recompute

    /**
     * Recomputes a frozen quarter from its stored inputs: their SM3 digest again, and the ranking again under the
     * stored scheme. Nothing is stored but the audit record of the check.
     */
    @Transactional
    public Recomputation recompute(Scope scope, QuarterKey key) {
        DivisionCode district = district(scope);
        QuarterStore.Stored stored = store.find(district.value(), key)
                .orElseThrow(() -> new ConflictException(key.label() + "的考核尚未冻结，没有可重新计算的冻结数据"));
        String digest = Sm3.hex(stored.inputsJson());
        FrozenInputs inputs = AssessmentJson.readInputs(stored.inputsJson());
        boolean canonical = AssessmentJson.inputs(inputs).equals(stored.inputsJson());
        Ranking ranking = Ranking.compute(inputs, AssessmentJson.readScheme(stored.schemeJson()));
        boolean same = AssessmentJson.ranking(ranking).equals(stored.rankingJson());
        Quarter q = visible(stored.quarter(), scope);
        Recomputation r = new Recomputation(q, stored.quarter().inputsDigest(), digest,
                canonical && digest.equals(stored.quarter().inputsDigest()), same,
                townOf(scope) == null ? ranking : q.ranking());
        Map<String, Object> details = details(stored.quarter());
        details.put("digestMatches", r.digestMatches());
        details.put("rankingMatches", r.rankingMatches());
        audit.record(new AuditEvent("ASSESSMENT_RECOMPUTED", OWNER_TYPE, Long.toString(stored.quarter().id()), null, details));
        return r;
    }

    // ---------------------------------------------------------------- publish

    /** Publishes a frozen quarter as a bulletin (.docx) kept with it; every unit of the district is told. */
    @Transactional
    public Quarter publish(Scope scope, QuarterKey key, int version, String reason) {
        DivisionCode district = district(scope);
        Quarter q = store.find(district.value(), key).map(QuarterStore.Stored::quarter)
                .orElseThrow(() -> new ConflictException(key.label() + "的考核尚未冻结，须先冻结再通报"));
        if (q.state() == QuarterState.PUBLISHED) {
            throw new ConflictException(key.label() + "的考核已于 " + q.publishedAt().atZone(CHINA).toLocalDate() + " 通报");
        }
        if (q.version() != version) {
            throw new ConflictException("该季度考核已被他人修改（当前版本 " + q.version() + "，您看到的是版本 " + version + "），请刷新后重试",
                    Map.of("version", q.version()));
        }
        String office = divisions.find(district).map(Division::name).orElse(district.value()) + "“散乱污”企业整治工作领导小组办公室";
        List<AccountabilityRecord> decided = records.list(district.value(), key, null, null).stream()
                .filter(AccountabilityRecord::current).toList();
        byte[] doc = AssessmentBulletin.write(q, office, decided, today());
        String fileName = key.label() + "“散乱污”整治工作考核排名通报.docx";
        String sm3 = Sm3.hex(doc);
        if (!store.publish(q.id(), version, fileName, sm3, doc, clock.instant(), actors.username())) {
            throw new ConflictException("该季度考核刚被他人通报或修改，请刷新后查看");
        }
        Quarter published = store.find(district.value(), key).orElseThrow().quarter();
        Map<String, Object> details = details(published);
        details.put("bulletinSm3", sm3);
        audit.record(new AuditEvent("ASSESSMENT_PUBLISHED", OWNER_TYPE, Long.toString(q.id()),
                reason == null || reason.isBlank() ? "印发" + key.label() + "考核排名通报" : reason.strip(), details));
        String first = q.ranking().rows().isEmpty() ? "" : "第一名 " + q.ranking().rows().get(0).name() + "；";
        String path = "/assessment/" + key.year() + "/" + key.quarter();
        inbox.deliver(holders.within(RECIPIENTS, district.value()), new Notice("ASSESSMENT", key.label() + "考核排名已通报",
                first + "请查看本单位得分、排名和各项指标", path, "assessment-" + district.value() + "-" + key.year() + "-" + key.quarter()));
        return published;
    }

    @Transactional(readOnly = true)
    public BulletinFile bulletin(Scope scope, QuarterKey key) {
        Quarter q = get(scope, key);
        if (q.state() != QuarterState.PUBLISHED) {
            throw new NotFoundException(key.label() + "的考核尚未通报");
        }
        return new BulletinFile(q.bulletinName(), store.bulletin(q.id()).orElseThrow());
    }

    private static Map<String, Object> details(Quarter q) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("district", q.district());
        d.put("year", q.key().year());
        d.put("quarter", q.key().quarter());
        d.put("state", q.state().name());
        d.put("cutOff", q.cutOff().toString());
        return d;
    }
}
