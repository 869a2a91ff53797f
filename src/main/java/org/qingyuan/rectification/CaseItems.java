package org.qingyuan.rectification;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.qingyuan.shared.ConflictException;
import org.qingyuan.shared.InvalidInputException;

/** The work recorded on a case's required items, with the rules for recording, reviewing and completing it. */
final class CaseItems {

    private final Map<Requirement, ItemRecord> records = new EnumMap<>(Requirement.class);

    CaseItems(List<ItemRecord> stored) {
        stored.forEach(i -> records.put(i.requirement(), i));
    }

    /** Records one item the plan requires, with the evidence, utility confirmation and permit its requirement needs. */
    ItemRecord record(MeasurePlan plan, Requirement requirement, String by, Instant at, String note, List<Long> evidenceIds,
                      Long utilityConfirmationId, Permit permit, List<String> flags) {
        if (!plan.requirements().contains(requirement)) {
            throw new ConflictException("本案的处置措施（" + plan.measureName() + "）不要求“" + requirement.label() + "”");
        }
        if (evidenceIds == null || evidenceIds.isEmpty()) {
            throw new InvalidInputException("evidenceIds", "“" + requirement.label() + "”需要至少一份现场证据（照片或文件）");
        }
        if (requirement.needsUtilityConfirmation() && utilityConfirmationId == null) {
            throw new InvalidInputException("utilityConfirmationId", "“" + requirement.label() + "”需要供水或供电单位的确认文件");
        }
        if (requirement.needsPermit() && (permit == null || !permit.complete())) {
            throw new InvalidInputException("permit", "“" + requirement.label() + "”须写明补办的手续名称、文号和日期");
        }
        ItemRecord item = new ItemRecord(requirement, by, at, note, evidenceIds, utilityConfirmationId,
                requirement.needsPermit() ? permit : null, flags == null ? List.of() : flags, null, null);
        records.put(requirement, item);
        return item;
    }

    /** A second person, not the one who recorded it, confirms an item's flagged evidence; answers the item as it was. */
    ItemRecord review(Requirement requirement, String by, Instant at) {
        ItemRecord item = Optional.ofNullable(records.get(requirement))
                .orElseThrow(() -> new ConflictException("“" + requirement.label() + "”尚未记录"));
        if (!item.awaitingReview()) {
            throw new ConflictException("“" + requirement.label() + "”的证据没有待复核的问题");
        }
        if (item.recordedBy().equals(by)) {
            throw new ConflictException("复核须由记录人以外的人员进行");
        }
        records.put(requirement, item.reviewed(by, at));
        return item;
    }

    /** Four eyes: refuses a person who recorded any of the work. */
    void requireNoneRecordedBy(String by) {
        if (records.values().stream().anyMatch(i -> i.recordedBy().equals(by))) {
            throw new ConflictException("验收须由记录整治情况以外的人员进行（双人复核）");
        }
    }

    /** The plan's items not yet done, in the policy's order. */
    List<Requirement> missing(MeasurePlan plan) {
        return plan.requirements().stream().filter(r -> records.get(r) == null || !records.get(r).complete()).toList();
    }

    /** Refuses {@code what} naming the first item not done, and how many are missing. */
    void requireComplete(MeasurePlan plan, String what) {
        List<Requirement> missing = missing(plan);
        if (!missing.isEmpty()) {
            Requirement first = missing.get(0);
            ItemRecord item = records.get(first);
            String why = item == null ? "未记录" : item.awaitingReview() ? "证据待复核" : "证据不全";
            throw new ConflictException("不能" + what + "：缺少“" + first.label() + "”（" + why + "）"
                    + (missing.size() > 1 ? "等 " + missing.size() + " 项" : ""),
                    Map.of("missingItems", missing.stream().map(Enum::name).toList(),
                            "missingItemNames", missing.stream().map(Requirement::label).toList()));
        }
    }

    /** Keeps the items a new plan requires too. */
    void keepFor(MeasurePlan plan) {
        records.keySet().retainAll(plan.requirements());
    }

    void clear() {
        records.clear();
    }

    Map<Requirement, ItemRecord> asMap() {
        return Map.copyOf(records);
    }
}
