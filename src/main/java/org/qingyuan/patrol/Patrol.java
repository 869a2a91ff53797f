package org.qingyuan.patrol;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.qingyuan.shared.ConflictException;
import org.qingyuan.shared.InvalidInputException;

/**
 * A patrol: who went (participants; the leading official of a night patrol among them), where (the grid's village or
 * the town), when it started and ended. A night patrol is refused with fewer than two participants or without its
 * leading official (带班领导, 002 五2); check-ins are taken only while the patrol is under way.
 */
public final class Patrol {

    /** The fewest people on a night patrol. */
    public static final int NIGHT_MINIMUM = 2;

    private final Long id;
    private final PatrolKind kind;
    private final String divisionCode;
    private final Long gridId;
    private final Long rotaId;
    private final String leader;
    private final List<String> participants;
    private final Instant startedAt;
    private final String startedBy;
    private Instant endedAt;
    private final int version;

    public Patrol(Long id, PatrolKind kind, String divisionCode, Long gridId, Long rotaId, String leader, List<String> participants,
                  Instant startedAt, String startedBy, Instant endedAt, int version) {
        this.id = id;
        this.kind = kind;
        this.divisionCode = divisionCode;
        this.gridId = gridId;
        this.rotaId = rotaId;
        this.leader = leader;
        this.participants = List.copyOf(participants);
        this.startedAt = startedAt;
        this.startedBy = startedBy;
        this.endedAt = endedAt;
        this.version = version;
    }

    /**
     * Starts a patrol. Names are trimmed and counted once; a night patrol's leader counts among its participants.
     *
     * @throws InvalidInputException naming {@code leader} or {@code participants} when a night patrol breaks its rules
     */
    public static Patrol start(PatrolKind kind, String divisionCode, Long gridId, Long rotaId, String leader,
                               List<String> participants, String by, Instant at) {
        if (kind == null) {
            throw new InvalidInputException("kind", "请选择巡查类型");
        }
        String lead = leader == null || leader.isBlank() ? null : leader.strip();
        Set<String> people = new LinkedHashSet<>();
        if (lead != null) {
            people.add(lead);
        }
        if (participants != null) {
            participants.stream().filter(p -> p != null && !p.isBlank()).map(String::strip).forEach(people::add);
        }
        if (kind == PatrolKind.NIGHT) {
            if (lead == null) {
                throw new InvalidInputException("leader", "夜查须由带班领导带队，请填写带班领导");
            }
            if (people.size() < NIGHT_MINIMUM) {
                throw new InvalidInputException("participants", "夜查至少两人（含带班领导），现只有 " + people.size() + " 人");
            }
        }
        if (people.isEmpty()) {
            throw new InvalidInputException("participants", "请填写巡查人员");
        }
        return new Patrol(null, kind, divisionCode, gridId, rotaId, lead, new ArrayList<>(people), at, by, null, 0);
    }

    /** Ends the patrol; a patrol ends once. */
    public void end(Instant at) {
        if (endedAt != null) {
            throw new ConflictException("巡查已于此前结束");
        }
        endedAt = at.isBefore(startedAt) ? startedAt : at;
    }

    /** Refuses a check-in on a patrol that has ended (409). */
    public void requireUnderWay() {
        if (endedAt != null) {
            throw new ConflictException("巡查已结束，不能再打卡；请开始新的巡查");
        }
    }

    public Long id() { return id; }
    public PatrolKind kind() { return kind; }
    public String divisionCode() { return divisionCode; }
    public Long gridId() { return gridId; }
    public Long rotaId() { return rotaId; }
    public String leader() { return leader; }
    public List<String> participants() { return participants; }
    public Instant startedAt() { return startedAt; }
    public String startedBy() { return startedBy; }
    public Instant endedAt() { return endedAt; }
    public int version() { return version; }
    public boolean underWay() { return endedAt == null; }
}
