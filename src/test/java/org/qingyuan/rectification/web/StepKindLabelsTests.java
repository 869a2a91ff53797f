package org.qingyuan.rectification.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.qingyuan.rectification.StepKind;
import org.qingyuan.shared.ConflictException;

class StepKindLabelsTests {

    @Test
    void everyStepKindHasAChineseName() {
        for (StepKind kind : StepKind.values()) {
            assertThat(StepKindLabels.of(kind)).as(kind.name()).isNotBlank();
        }
        assertThat(StepKindLabels.of(StepKind.OPENED)).isEqualTo("立案");
        assertThat(StepKindLabels.of(StepKind.PROGRESS_CLAIMED)).isEqualTo("镇街填报完成情况（待核实）");
    }

    @Test
    void aStaleConflictNamesEachKindRightAfterIt() {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("kind", "CLOSED_OUT");
        change.put("by", "town");
        change.put("at", Instant.EPOCH.toString());
        change.put("detail", null);
        ConflictException named = StepKindLabels.named(new ConflictException("已被他人修改",
                Map.of("currentVersion", 3, "changes", List.of(change))));

        assertThat(named.getMessage()).isEqualTo("已被他人修改");
        assertThat(named.properties()).containsEntry("currentVersion", 3);
        List<?> changes = (List<?>) named.properties().get("changes");
        assertThat(changes).hasSize(1);
        Map<?, ?> first = (Map<?, ?>) changes.get(0);
        assertThat(List.copyOf(first.keySet())).isEqualTo(List.of("kind", "kindName", "by", "at", "detail"));
        assertThat(first.get("kindName")).isEqualTo("销号");
    }

    @Test
    void anotherConflictIsLeftAsItIs() {
        ConflictException e = new ConflictException("不能销号");
        assertThat(StepKindLabels.named(e)).isSameAs(e);
    }
}
