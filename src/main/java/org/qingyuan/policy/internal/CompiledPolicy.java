package org.qingyuan.policy.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.qingyuan.policy.Category;
import org.qingyuan.policy.Classification;
import org.qingyuan.policy.FactDefinition;
import org.qingyuan.policy.FactType;
import org.qingyuan.policy.Facts;
import org.qingyuan.policy.Flag;
import org.qingyuan.policy.Measure;
import org.qingyuan.policy.NamedList;
import org.qingyuan.policy.Policy;
import org.qingyuan.policy.PolicyInfo;
import org.qingyuan.policy.PolicyTest;
import org.qingyuan.policy.Referral;
import org.qingyuan.policy.StandardFacts;
import org.qingyuan.policy.Zone;
import org.qingyuan.shared.InvalidInputException;
import org.qingyuan.shared.WorkingDayCalendar;

/** A policy file compiled for evaluation: facts by index, conditions as trees, zones as bit masks. */
final class CompiledPolicy implements Policy {

    record CompiledTest(PolicyTest test, Condition condition) {
    }

    /** @param zoneMask bit i set when the disposal applies in zone i; all bits for every zone */
    record CompiledDisposal(int zoneMask, Condition condition, Measure measure) {
    }

    record CompiledCategory(Category category, Condition condition, List<CompiledDisposal> disposals) {
    }

    record CompiledFlag(Flag flag, Condition condition) {
    }

    record CompiledReferral(Referral referral, Condition condition) {
    }

    final PolicyInfo info;
    final String content;
    final List<Zone> zones;
    /** Every fact the policy accepts, by index: the standard facts, then its own. */
    final FactDefinition[] factTable;
    final Map<String, Integer> factIndex;
    /** The facts its conditions use, in table order. */
    final List<FactDefinition> usedFacts;
    final List<NamedList> lists;
    final CompiledTest[] tests;
    final CompiledCategory[] categories;
    final CompiledFlag[] flags;
    final CompiledReferral[] referrals;
    final List<org.qingyuan.policy.ReportDuty> reports;
    final org.qingyuan.policy.RevisitSchedule revisits;
    final org.qingyuan.policy.SupervisionRules supervision;
    final org.qingyuan.policy.AssessmentScheme assessment;
    final org.qingyuan.policy.GatekeepingBasis gatekeeping;

    CompiledPolicy(PolicyInfo info, String content, List<Zone> zones, FactDefinition[] factTable, Map<String, Integer> factIndex,
                   List<FactDefinition> usedFacts, List<NamedList> lists, List<CompiledTest> tests,
                   List<CompiledCategory> categories, List<CompiledFlag> flags, List<CompiledReferral> referrals,
                   List<org.qingyuan.policy.ReportDuty> reports, org.qingyuan.policy.RevisitSchedule revisits,
                   org.qingyuan.policy.SupervisionRules supervision, org.qingyuan.policy.AssessmentScheme assessment,
                   org.qingyuan.policy.GatekeepingBasis gatekeeping) {
        this.gatekeeping = gatekeeping;
        this.info = info;
        this.content = content;
        this.zones = List.copyOf(zones);
        this.factTable = factTable;
        this.factIndex = Map.copyOf(factIndex);
        this.usedFacts = List.copyOf(usedFacts);
        this.lists = List.copyOf(lists);
        this.tests = tests.toArray(CompiledTest[]::new);
        this.categories = categories.toArray(CompiledCategory[]::new);
        this.flags = flags.toArray(CompiledFlag[]::new);
        this.referrals = referrals.toArray(CompiledReferral[]::new);
        this.reports = List.copyOf(reports);
        this.revisits = revisits;
        this.supervision = supervision;
        this.assessment = assessment;
    }

    @Override
    public PolicyInfo info() {
        return info;
    }

    @Override
    public List<Zone> zones() {
        return zones;
    }

    @Override
    public List<FactDefinition> facts() {
        return usedFacts;
    }

    @Override
    public List<PolicyTest> tests() {
        return java.util.Arrays.stream(tests).map(CompiledTest::test).toList();
    }

    @Override
    public List<Category> categories() {
        return java.util.Arrays.stream(categories).map(CompiledCategory::category).toList();
    }

    @Override
    public List<NamedList> lists() {
        return lists;
    }

    @Override
    public List<Flag> flags() {
        return java.util.Arrays.stream(flags).map(CompiledFlag::flag).toList();
    }

    @Override
    public List<Referral> referrals() {
        return java.util.Arrays.stream(referrals).map(CompiledReferral::referral).toList();
    }

    @Override
    public List<org.qingyuan.policy.ReportDuty> reports() {
        return reports;
    }

    @Override
    public org.qingyuan.policy.RevisitSchedule revisits() {
        return revisits;
    }

    @Override
    public org.qingyuan.policy.GatekeepingBasis gatekeeping() {
        return gatekeeping;
    }

    @Override
    public org.qingyuan.policy.SupervisionRules supervision() {
        return supervision;
    }

    @Override
    public org.qingyuan.policy.AssessmentScheme assessment() {
        return assessment;
    }

    @Override
    public String content() {
        return content;
    }

    @Override
    public Optional<FactDefinition> fact(String name) {
        Integer index = factIndex.get(name);
        return index == null ? Optional.empty() : Optional.of(factTable[index]);
    }

    @Override
    public Classification evaluate(Facts facts, String zone, LocalDate noticeDate, WorkingDayCalendar calendar) {
        return Evaluator.evaluate(this, values(facts), zoneIndex(zone), noticeDate, calendar, facts.fingerprint());
    }

    /** The fact values by index; refuses unknown names and wrongly typed values. */
    Object[] values(Facts facts) {
        Object[] values = new Object[factTable.length];
        for (Map.Entry<String, Object> entry : facts.asMap().entrySet()) {
            Integer index = factIndex.get(entry.getKey());
            if (index == null) {
                throw new InvalidInputException("facts." + entry.getKey(), "未知的企业事实“" + entry.getKey() + "”");
            }
            Object value = entry.getValue();
            FactDefinition fact = factTable[index];
            if (value != null && fact.type() == FactType.BOOLEAN && !(value instanceof Boolean)) {
                throw new InvalidInputException("facts." + fact.name(), "企业事实“" + fact.label() + "”应为 true、false 或 null");
            }
            if (value != null && fact.type() == FactType.TEXT && !(value instanceof String)) {
                throw new InvalidInputException("facts." + fact.name(), "企业事实“" + fact.label() + "”应为文字或 null");
            }
            values[index] = value;
        }
        return values;
    }

    /** The zone's index, -1 for none; refuses a zone the policy does not have. */
    int zoneIndex(String zone) {
        if (zone == null || zone.isBlank() || zones.isEmpty()) {
            return -1;
        }
        for (int i = 0; i < zones.size(); i++) {
            if (zones.get(i).id().equals(zone)) {
                return i;
            }
        }
        throw new InvalidInputException("zone", "方案“" + info.title() + "”没有区域“" + zone + "”，可用的区域："
                + String.join("、", zones.stream().map(z -> z.id() + "（" + z.label() + "）").toList()));
    }

    static boolean isStandard(String name) {
        return StandardFacts.find(name) != null;
    }
}
