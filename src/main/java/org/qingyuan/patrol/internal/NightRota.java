package org.qingyuan.patrol.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.qingyuan.access.CurrentUser;
import org.qingyuan.audit.AuditEvent;
import org.qingyuan.audit.AuditTrail;
import org.qingyuan.patrol.Patrol;
import org.qingyuan.shared.DivisionCode;
import org.qingyuan.shared.DivisionLevel;
import org.qingyuan.shared.FieldError;
import org.qingyuan.shared.InvalidInputException;
import org.qingyuan.shared.NotFoundException;
import org.qingyuan.shared.ValidationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The towns' night-patrol rota (夜查排班): for each night, the duty leader (带班领导) and the people on duty. The rota
 * already refuses a night with fewer than two people or without a leader, the rules the night patrol will be held to.
 */
@Service
public class NightRota {

    static final String ROTA = "NightRota";

    private final PatrolStore store;
    private final AuditTrail audit;
    private final Clock clock;

    NightRota(PatrolStore store, AuditTrail audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    /** What a rota line carries. */
    public record RotaInput(String townCode, LocalDate night, String leader, List<String> members, String note) {
    }

    /** The rota of the caller's jurisdiction (of one town inside it when given) between two nights. */
    @Transactional(readOnly = true)
    public List<RotaEntry> between(CurrentUser user, String townCode, LocalDate from, LocalDate to) {
        String prefix = user.scope().prefix();
        if (townCode != null && !townCode.isBlank()) {
            DivisionCode town = InvalidInputException.divisionCode("town", townCode);
            if (!user.scope().covers(town)) {
                throw new NotFoundException("该镇（街道）不在您的辖区内");
            }
            prefix = town.prefix();
        }
        return store.rota(prefix, from, to);
    }

    @Transactional(readOnly = true)
    public RotaEntry get(CurrentUser user, long id) {
        return store.rotaEntry(id, user.scope().prefix()).orElseThrow(() -> new NotFoundException("夜查排班不存在或不在您的辖区内"));
    }

    /** Plans a night, or changes it ({@code version} of the line shown; 0 for a new night). */
    @Transactional
    public RotaEntry save(CurrentUser user, int version, RotaInput in) {
        List<FieldError> errors = new ArrayList<>();
        String town = in.townCode() == null ? "" : in.townCode().strip();
        if (town.isEmpty() && user.division().level() == DivisionLevel.TOWN) {
            town = user.division().value();
        }
        if (!DivisionCode.isValid(town) || DivisionCode.of(town).level() != DivisionLevel.TOWN) {
            errors.add(new FieldError("townCode", "请选择镇（街道）"));
        } else if (!user.scope().covers(DivisionCode.of(town))) {
            errors.add(new FieldError("townCode", "该镇（街道）不在您的辖区内"));
        }
        if (in.night() == null) {
            errors.add(new FieldError("night", "请选择夜查日期"));
        } else if (in.night().isBefore(LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Shanghai"))).minusDays(1))) {
            errors.add(new FieldError("night", "不能为已过去的日期排班"));
        }
        String leader = in.leader() == null ? "" : in.leader().strip();
        if (leader.isEmpty()) {
            errors.add(new FieldError("leader", "请填写带班领导"));
        }
        LinkedHashSet<String> members = new LinkedHashSet<>();
        if (in.members() != null) {
            in.members().stream().flatMap(m -> m == null ? java.util.stream.Stream.empty() : java.util.Arrays.stream(m.split("[,，、\\s]+")))
                    .map(String::strip).filter(m -> !m.isEmpty() && !m.equals(leader)).forEach(members::add);
        }
        if (!leader.isEmpty() && members.size() + 1 < Patrol.NIGHT_MINIMUM) {
            errors.add(new FieldError("members", "夜查至少两人：除带班领导外至少再安排 1 名值班人员"));
        }
        ValidationException.throwIfAny(errors);
        String note = in.note() == null || in.note().isBlank() ? null : in.note().strip();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        var existing = store.rotaOn(town, in.night());
        long id;
        int newVersion;
        if (existing.isEmpty()) {
            if (version != 0) {
                throw PatrolService.stale("夜查排班", 0, version);
            }
            id = store.insertRota(town, in.night(), leader, List.copyOf(members), note, now, user.username());
            newVersion = 1;
        } else {
            id = existing.get().id();
            newVersion = store.updateRota(id, version, leader, List.copyOf(members), note, now, user.username());
            if (newVersion < 0) {
                throw PatrolService.stale("夜查排班", existing.get().version(), version);
            }
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("townCode", town);
        details.put("night", in.night().toString());
        details.put("leader", leader);
        details.put("members", List.copyOf(members));
        details.put("version", newVersion);
        audit.record(new AuditEvent("NIGHT_ROTA_SAVED", ROTA, Long.toString(id), null, details));
        return store.rotaEntry(id, town).orElseThrow();
    }
}
