package org.qingyuan.supervision.internal;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.qingyuan.access.CurrentUser;
import org.qingyuan.access.RoleCode;
import org.qingyuan.access.Scope;
import org.qingyuan.audit.AuditEvent;
import org.qingyuan.audit.AuditTrail;
import org.qingyuan.ledger.EnterpriseSites;
import org.qingyuan.notification.Inbox;
import org.qingyuan.notification.Notice;
import org.qingyuan.policy.Policies;
import org.qingyuan.policy.Policy;
import org.qingyuan.policy.SupervisionRules;
import org.qingyuan.rectification.CaseBrief;
import org.qingyuan.rectification.CaseState;
import org.qingyuan.rectification.Cases;
import org.qingyuan.region.Division;
import org.qingyuan.region.Divisions;
import org.qingyuan.shared.ConflictException;
import org.qingyuan.shared.DivisionCode;
import org.qingyuan.shared.InvalidInputException;
import org.qingyuan.shared.NotFoundException;
import org.qingyuan.supervision.Draw;
import org.qingyuan.supervision.HoldUpEstimate;
import org.qingyuan.supervision.InspectionTask;
import org.qingyuan.supervision.Population;
import org.qingyuan.supervision.PopulationEntry;
import org.qingyuan.supervision.RoundMode;
import org.qingyuan.supervision.Stratum;
import org.qingyuan.supervision.SupervisionRound;
import org.qingyuan.supervision.TownEstimate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Supervision rounds: the draw over the district's frozen population (S1), the re-run that proves it, and each town's
 * estimate of how many close-outs hold up (§4). A round belongs to the district of who drew it.
 */
@Service
public class RoundService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SupervisionStore store;
    private final EnterpriseSites sites;
    private final Cases cases;
    private final Policies policies;
    private final Divisions divisions;
    private final AuditTrail audit;
    private final Inbox inbox;
    private final Clock clock;

    RoundService(SupervisionStore store, EnterpriseSites sites, Cases cases, Policies policies, Divisions divisions, AuditTrail audit,
                 Inbox inbox, Clock clock) {
        this.store = store;
        this.sites = sites;
        this.cases = cases;
        this.policies = policies;
        this.divisions = divisions;
        this.audit = audit;
        this.inbox = inbox;
        this.clock = clock;
    }

    /** What a new round is given. */
    public record NewRound(String name, RoundMode mode, BigDecimal share, String seed) {
    }

    /** The rules of the active plan (001's reading without one). */
    public SupervisionRules rules() {
        return policies.active().map(Policy::supervision).orElse(SupervisionRules.DEFAULT);
    }

    /** The district a user supervises: the first six digits of his division. */
    static DivisionCode districtOf(CurrentUser user) {
        return DivisionCode.of(user.division().value().substring(0, Math.min(6, user.division().value().length())));
    }

    /**
     * Freezes the district's population (every active enterprise with its town, measure and case state), draws with the
     * seed (a fresh random one when none is given) and the share (at least the plan's), and stores the round, its
     * allocation and one inspection task per drawn enterprise. Open rounds are announced to the towns.
     */
    @Transactional
    public SupervisionRound draw(CurrentUser user, NewRound in) {
        SupervisionRules rules = rules();
        String name = in.name() == null ? "" : in.name().strip();
        if (name.isEmpty() || name.length() > 100) {
            throw new InvalidInputException("name", "请填写督查轮次名称（100 字以内），如“2026 年第四季度暗访”");
        }
        if (in.mode() == null) {
            throw new InvalidInputException("mode", "请选择督查方式：明察（OPEN）或暗访（COVERT）");
        }
        BigDecimal share = in.share() == null ? rules.share() : in.share();
        if (share.compareTo(rules.share()) < 0 || share.compareTo(BigDecimal.ONE) > 0) {
            throw new InvalidInputException("share", "抽查比例应不低于实施方案规定的 " + percent(rules.share()) + "，且不超过 100%");
        }
        String seed = in.seed() == null || in.seed().isBlank() ? HexFormat.of().formatHex(RANDOM.generateSeed(16)) : in.seed().strip();
        if (seed.length() > 200) {
            throw new InvalidInputException("seed", "随机种子不能超过 200 个字符");
        }
        DivisionCode district = districtOf(user);
        Map<Long, String> divisionsById = sites.activeDivisions(district);
        if (divisionsById.isEmpty()) {
            throw new InvalidInputException("district", "本区台账中没有在册企业，无法抽取督查对象");
        }
        Map<Long, CaseBrief> briefs = cases.briefs(Scope.of(district));
        List<PopulationEntry> entries = new ArrayList<>(divisionsById.size());
        divisionsById.forEach((id, division) -> entries.add(new PopulationEntry(id, town(division), stratum(briefs.get(id)))));
        Population population = new Population(entries);
        Draw.Sample sample = Draw.draw(population, seed, share);
        var at = clock.instant();
        String digest = population.digest();
        Policy policy = policies.active().orElse(null);
        long id = store.insertRound(district.value(), name, in.mode(), share, seed, population.text(), digest, entries.size(),
                policy == null ? null : policy.id(), policy == null ? null : policy.version(), at, user.username());
        store.insertAllocations(id, sample.allocations());
        Map<Long, Long> caseIds = new HashMap<>();
        briefs.forEach((enterprise, b) -> caseIds.put(enterprise, b.caseId()));
        store.insertTasks(id, in.mode() == RoundMode.COVERT, sample.drawn(), divisionsById, caseIds);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("mode", in.mode().name());
        details.put("share", share.toPlainString());
        details.put("seed", seed);
        details.put("populationDigest", digest);
        details.put("populationSize", entries.size());
        details.put("drawn", sample.drawn().size());
        audit.record(new AuditEvent("SUPERVISION_ROUND_DRAWN", "SupervisionRound", Long.toString(id), name, details));
        if (in.mode() == RoundMode.OPEN) {
            announce(id, name, sample);
        }
        return get(user, id);
    }

    private void announce(long roundId, String name, Draw.Sample sample) {
        Map<String, Integer> perTown = new TreeMap<>();
        sample.drawn().forEach(d -> perTown.merge(d.townCode(), 1, Integer::sum));
        perTown.forEach((town, count) -> inbox.deliverToRoles(Set.of(RoleCode.TOWN_OFFICER.name()), town, new Notice(
                "SUPERVISION_ANNOUNCED", "区督查组将对本镇（街道）" + count + " 家企业开展明察",
                "督查轮次“" + name + "”已抽取本辖区 " + count + " 家企业，请做好迎检准备。",
                "/supervision/rounds/" + roundId, "supervision-round-" + roundId + "-" + town)));
    }

    @Transactional(readOnly = true)
    public List<SupervisionRound> list(CurrentUser user) {
        MapSqlParameterSource params = new MapSqlParameterSource("district", districtOf(user).value());
        if (Visibility.seesAll(user)) {
            return store.rounds("r.district_code = :district", params);
        }
        String tasks = Visibility.tasks(user, params);
        return store.rounds("r.district_code = :district AND EXISTS (SELECT 1 FROM inspection_task t WHERE t.round_id = r.id AND "
                + tasks + ")", params);
    }

    /** A round the user may see (a town: one with a task of his it may see). */
    @Transactional(readOnly = true)
    public SupervisionRound get(CurrentUser user, long id) {
        return list(user).stream().filter(r -> r.id() == id).findFirst().orElseThrow(() -> notFound(id));
    }

    /** The frozen population list of a round, as its digest was taken over (the office and supervisors only). */
    @Transactional(readOnly = true)
    public String population(CurrentUser user, long id) {
        requireAll(user, id);
        return store.population(id);
    }

    /** The round's allocation: per town and stratum, how many there were and how many were drawn. */
    @Transactional(readOnly = true)
    public List<Draw.Allocation> allocations(CurrentUser user, long id) {
        requireAll(user, id);
        return store.allocations(id);
    }

    /** The outcome of re-running a round's draw from its stored seed and list. */
    public record Rerun(long roundId, String seed, BigDecimal share, String populationDigest, boolean digestMatches, int drawn,
                        boolean identical) {
    }

    /** Re-runs the draw from the round's own seed and frozen list and compares it with the tasks it made. */
    @Transactional(readOnly = true)
    public Rerun rerun(CurrentUser user, long id) {
        SupervisionRound round = requireAll(user, id);
        Population population = Population.parse(store.population(id));
        Draw.Sample sample = Draw.draw(population, round.seed(), round.share());
        List<Long> stored = store.tasks("t.round_id = :r", new MapSqlParameterSource("r", id), "t.enterprise_id").stream()
                .map(InspectionTask::enterpriseId).toList();
        List<Long> again = sample.drawn().stream().map(Draw.Drawn::enterpriseId).sorted().toList();
        String digest = population.digest();
        return new Rerun(id, round.seed(), round.share(), digest, digest.equals(round.populationDigest()), again.size(),
                again.equals(stored));
    }

    /** Closes a round once every task is inspected. */
    @Transactional
    public SupervisionRound finish(CurrentUser user, long id, int version) {
        SupervisionRound round = requireAll(user, id);
        if (round.done() < round.tasks()) {
            throw new ConflictException("本轮还有 " + (round.tasks() - round.done()) + " 家企业未检查，不能结束");
        }
        if (!store.finishRound(id, version, clock.instant(), user.username())) {
            throw new ConflictException("督查轮次已被他人修改或已结束，请刷新后重试");
        }
        audit.record(new AuditEvent("SUPERVISION_ROUND_FINISHED", "SupervisionRound", Long.toString(id), null, Map.of()));
        return get(user, id);
    }

    /**
     * Each town's figures from the round: the reported completion rate of the frozen list beside the estimate of how
     * many close-outs hold up (closed-out strata only), and the flag when the reported figure lies above the interval.
     */
    @Transactional(readOnly = true)
    public List<TownEstimate> estimates(CurrentUser user, long id) {
        requireAll(user, id);
        return estimatesOf(id);
    }

    /** The towns' figures of a round, for the platform itself (the quarterly assessment); no jurisdiction check. */
    @Transactional(readOnly = true)
    public List<TownEstimate> estimatesOf(long id) {
        Population population = Population.parse(store.population(id));
        List<InspectionTask> tasks = store.tasks("t.round_id = :r", new MapSqlParameterSource("r", id), "t.id");
        List<Draw.Allocation> allocations = store.allocations(id);
        Map<String, List<PopulationEntry>> byTown = new TreeMap<>();
        population.entries().forEach(e -> byTown.computeIfAbsent(e.townCode(), t -> new ArrayList<>()).add(e));
        List<TownEstimate> result = new ArrayList<>();
        byTown.forEach((town, entries) -> {
            List<InspectionTask> mine = tasks.stream().filter(t -> t.townCode().equals(town)).toList();
            List<HoldUpEstimate.StratumResult> strata = new ArrayList<>();
            allocations.stream().filter(a -> a.townCode().equals(town) && a.stratum().closedOut()).forEach(a -> {
                List<InspectionTask> inStratum = mine.stream().filter(t -> t.stratum().equals(a.stratum()) && t.done()).toList();
                strata.add(new HoldUpEstimate.StratumResult(a.size(), inStratum.size(),
                        (int) inStratum.stream().filter(InspectionTask::heldUp).count()));
            });
            HoldUpEstimate estimate = HoldUpEstimate.of(strata);
            int withCase = (int) entries.stream().filter(e -> !Stratum.NO_CASE.equals(e.stratum().state())).count();
            int closed = (int) entries.stream().filter(e -> e.stratum().closedOut()).count();
            Double reported = withCase == 0 ? null : (double) closed / withCase;
            Double low = reported == null || estimate.low() == null ? null : reported * estimate.low();
            Double high = reported == null || estimate.high() == null ? null : reported * estimate.high();
            boolean flagged = reported != null && estimate.contradicts(reported);
            result.add(new TownEstimate(town, divisions.find(DivisionCode.of(town)).map(Division::name).orElse(town), entries.size(),
                    mine.size(), (int) mine.stream().filter(InspectionTask::done).count(),
                    (int) mine.stream().filter(t -> t.done() && !t.heldUp()).count(), withCase, closed, reported, estimate, low, high,
                    flagged));
        });
        return result;
    }

    private SupervisionRound requireAll(CurrentUser user, long id) {
        if (!Visibility.seesAll(user)) {
            throw notFound(id);
        }
        return store.round(id, districtOf(user).value()).orElseThrow(() -> notFound(id));
    }

    static NotFoundException notFound(long id) {
        return new NotFoundException("督查轮次 #" + id + " 不存在或不在您的辖区内");
    }

    static String town(String division) {
        return division.length() >= 9 ? division.substring(0, 9) : division;
    }

    static Stratum stratum(CaseBrief brief) {
        if (brief == null) {
            return new Stratum("NONE", Stratum.NO_CASE);
        }
        return new Stratum(brief.measure().name(), brief.state() == CaseState.CLOSED_OUT ? Stratum.CLOSED_OUT : Stratum.OPEN);
    }

    public static String percent(BigDecimal share) {
        return share.multiply(BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString() + "%";
    }
}
