package org.qingyuan.policy.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.qingyuan.policy.Classification;
import org.qingyuan.policy.Policy;
import org.qingyuan.policy.PopulationPreview;
import org.qingyuan.policy.PreviewInput;
import org.qingyuan.policy.PreviewPopulation;
import org.qingyuan.policy.PreviewReport;
import org.qingyuan.shared.DivisionCode;

/**
 * What activating another policy would change, before it is activated: each input classified under the candidate and
 * under the active policy, the changes listed; over a whole jurisdiction, counted by transition with a sample.
 */
final class ActivationPreview {

    /** Classifies one input under a policy. */
    @FunctionalInterface
    interface Classifier {
        Classification classify(Policy policy, PreviewInput input, LocalDate noticeDate);
    }

    private ActivationPreview() {
    }

    static PreviewReport compare(Policy candidate, Policy current, List<PreviewInput> inputs, LocalDate noticeDate,
                                 Classifier classifier) {
        List<PreviewReport.Change> changes = new ArrayList<>();
        for (PreviewInput input : inputs) {
            Classification to = classifier.classify(candidate, input, noticeDate);
            Classification from = current == null ? null : classifier.classify(current, input, noticeDate);
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

    /** The enterprises of a jurisdiction in batches of 1,000, each batch compared by {@code preview}. */
    static PopulationPreview population(Policy candidate, Policy current, PreviewPopulation enterprises, DivisionCode within,
                                        int sampleLimit, java.util.function.Function<List<PreviewInput>, PreviewReport> preview) {
        long[] counts = new long[3];
        Map<String, Long> transitions = new HashMap<>();
        List<PreviewReport.Change> sample = new ArrayList<>();
        if (enterprises != null) {
            enterprises.forEach(within, 1000, batch -> {
                PreviewReport report = preview.apply(batch);
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
}
