package org.qingyuan.organisation.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.qingyuan.access.ActingUsers;
import org.qingyuan.access.CurrentUser;
import org.qingyuan.access.Departments;
import org.qingyuan.audit.AuditEvent;
import org.qingyuan.audit.AuditTrail;
import org.qingyuan.organisation.Liaison;
import org.qingyuan.organisation.Liaisons;
import org.qingyuan.region.Division;
import org.qingyuan.region.Divisions;
import org.qingyuan.shared.ConflictException;
import org.qingyuan.shared.DivisionCode;
import org.qingyuan.shared.DivisionLevel;
import org.qingyuan.shared.FieldError;
import org.qingyuan.shared.NotFoundException;
import org.qingyuan.shared.PhoneNumber;
import org.qingyuan.shared.RequestValues;
import org.qingyuan.shared.ValidationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The district's leading group and office, and the liaisons of its reporting units: the district office keeps the
 * group and the office; a town officer keeps his own town's liaison, a department officer his department's, the district
 * office any. Each change needs the version it started from (409 otherwise), is kept in the history and audited.
 */
@Service
public class Organisation implements Liaisons {

    static final String LIAISON = "Liaison";
    static final String MEMBER = "LeadingGroupMember";
    static final String OFFICE = "CampaignOffice";

    private final JdbcOrganisation store;
    private final Divisions divisions;
    private final Departments departments;
    private final AuditTrail audit;
    private final ActingUsers actors;
    private final Clock clock;

    Organisation(JdbcOrganisation store, Divisions divisions, Departments departments, AuditTrail audit, ActingUsers actors,
                 Clock clock) {
        this.store = store;
        this.divisions = divisions;
        this.departments = departments;
        this.audit = audit;
        this.actors = actors;
        this.clock = clock;
    }

    /** What a liaison form carries. */
    public record LiaisonInput(String section, String name, String post, String phone) {
    }

    /** What a member form carries. */
    public record MemberInput(LeadingGroupMember.Role role, String person, String unit, String post) {
    }

    // ---------------------------------------------------------------- reads

    /** The reporting units the viewer may see, with their liaisons: the district office first, then towns, then departments. */
    @Transactional(readOnly = true)
    public List<ReportingUnit> units(CurrentUser viewer) {
        Map<String, Liaison> liaisons = store.liaisons();
        return allUnits(districtOf(viewer)).stream().filter(u -> visible(u, viewer))
                .map(u -> new ReportingUnit(u.key(), u.name(), u.kind(), u.divisionCode(), named(liaisons.get(u.key()), u.name())))
                .toList();
    }

    /** One unit the viewer may change, with its liaison; another unit is "not found". */
    @Transactional(readOnly = true)
    public ReportingUnit unit(CurrentUser editor, String key) {
        ReportingUnit unit = editable(editor, key);
        return new ReportingUnit(unit.key(), unit.name(), unit.kind(), unit.divisionCode(),
                named(store.liaisons().get(unit.key()), unit.name()));
    }

    @Transactional(readOnly = true)
    public List<LeadingGroupMember> members(CurrentUser viewer) {
        return store.members(districtOf(viewer));
    }

    @Transactional(readOnly = true)
    public CampaignOffice office(CurrentUser viewer) {
        return store.office(districtOf(viewer));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Liaison> forDivision(DivisionCode division) {
        String key = division.level().ordinal() >= DivisionLevel.TOWN.ordinal() ? division.value().substring(0, 9)
                : division.value().substring(0, Math.min(6, division.value().length()));
        String name = divisions.find(DivisionCode.of(key)).map(Division::name).orElse(key);
        return Optional.ofNullable(named(store.liaisons().get(key), name));
    }

    // ---------------------------------------------------------------- commands

    /** Names or changes a unit's liaison; {@code version} is the one the form showed (0 when there was none). */
    @Transactional
    public Liaison saveLiaison(CurrentUser editor, String key, int version, LiaisonInput in) {
        ReportingUnit unit = editable(editor, key);
        List<FieldError> errors = new ArrayList<>();
        String name = required(in.name(), "name", "请填写联络员姓名", errors);
        String phone = phone(in.phone(), "phone", errors);
        ValidationException.throwIfAny(errors);
        Liaison liaison = new Liaison(unit.key(), unit.name(), RequestValues.text(in.section()), name, RequestValues.text(in.post()),
                phone, 0);
        Instant now = now();
        int newVersion = store.saveLiaison(unit.key(), unit.divisionCode(), liaison, version, now, actors.username());
        if (newVersion < 0) {
            throw stale("联络员", store.liaison(unit.key()).map(Liaison::version).orElse(0), version);
        }
        Map<String, Object> content = liaisonMap(liaison);
        store.recordChange(LIAISON, unit.key(), newVersion, content, null, now, actors.username());
        audit.record(new AuditEvent("LIAISON_SAVED", LIAISON, unit.key(), null, content));
        return new Liaison(unit.key(), unit.name(), liaison.section(), name, liaison.post(), phone, newVersion);
    }

    @Transactional
    public LeadingGroupMember addMember(CurrentUser editor, MemberInput in) {
        LeadingGroupMember checked = checked(0, 0, in);
        Instant now = now();
        long id = store.addMember(districtOf(editor), checked, now, actors.username());
        LeadingGroupMember added = new LeadingGroupMember(id, checked.role(), checked.person(), checked.unit(), checked.post(), 1);
        store.recordChange(MEMBER, Long.toString(id), 1, memberMap(added, true), null, now, actors.username());
        audit.record(new AuditEvent("LEADING_GROUP_MEMBER_ADDED", MEMBER, Long.toString(id), null, memberMap(added, true)));
        return added;
    }

    @Transactional
    public LeadingGroupMember updateMember(CurrentUser editor, long id, int version, MemberInput in) {
        LeadingGroupMember changed = checked(id, version, in);
        return writeMember(editor, changed, true, null, "LEADING_GROUP_MEMBER_CHANGED");
    }

    /** Takes a member out of the group (kept in the history); the reason is required. */
    @Transactional
    public void removeMember(CurrentUser editor, long id, int version, String reason) {
        String why = RequestValues.text(reason);
        if (why == null) {
            throw new ValidationException(List.of(new FieldError("reason", "请填写调整原因")));
        }
        LeadingGroupMember current = store.member(districtOf(editor), id)
                .orElseThrow(() -> new NotFoundException("领导小组成员不存在"));
        writeMember(editor, new LeadingGroupMember(id, current.role(), current.person(), current.unit(), current.post(), version),
                false, why, "LEADING_GROUP_MEMBER_REMOVED");
    }

    @Transactional
    public CampaignOffice saveOffice(CurrentUser editor, int version, String location, String director, String phone) {
        List<FieldError> errors = new ArrayList<>();
        String where = required(location, "location", "请填写办公室地点", errors);
        String who = required(director, "director", "请填写办公室主任", errors);
        String number = phone(phone, "phone", errors);
        ValidationException.throwIfAny(errors);
        String district = districtOf(editor);
        CampaignOffice office = new CampaignOffice(where, who, number, version + 1);
        Instant now = now();
        if (!store.saveOffice(district, office, version, now, actors.username())) {
            throw stale("领导小组办公室", store.office(district).version(), version);
        }
        Map<String, Object> content = Map.of("location", where, "director", who, "phone", number);
        store.recordChange(OFFICE, district, office.version(), content, null, now, actors.username());
        audit.record(new AuditEvent("CAMPAIGN_OFFICE_SAVED", OFFICE, district, null, content));
        return office;
    }

    // ---------------------------------------------------------------- rules

    private LeadingGroupMember writeMember(CurrentUser editor, LeadingGroupMember m, boolean active, String reason, String action) {
        Instant now = now();
        String district = districtOf(editor);
        if (!store.updateMember(district, m, active, now, actors.username())) {
            LeadingGroupMember current = store.member(district, m.id()).orElseThrow(() -> new NotFoundException("领导小组成员不存在"));
            throw stale("领导小组成员", current.version(), m.version());
        }
        LeadingGroupMember written = new LeadingGroupMember(m.id(), m.role(), m.person(), m.unit(), m.post(), m.version() + 1);
        store.recordChange(MEMBER, Long.toString(m.id()), written.version(), memberMap(written, active), reason, now,
                actors.username());
        audit.record(new AuditEvent(action, MEMBER, Long.toString(m.id()), reason, memberMap(written, active)));
        return written;
    }

    private static LeadingGroupMember checked(long id, int version, MemberInput in) {
        List<FieldError> errors = new ArrayList<>();
        if (in.role() == null) {
            errors.add(new FieldError("role", "请选择组长、副组长或成员"));
        }
        String person = required(in.person(), "person", "请填写姓名", errors);
        String unit = required(in.unit(), "unit", "请填写所在单位", errors);
        ValidationException.throwIfAny(errors);
        return new LeadingGroupMember(id, in.role(), person, unit, RequestValues.text(in.post()), version);
    }

    /** Every reporting unit of the district: the district office, its towns (streets), the departments. */
    private List<ReportingUnit> allUnits(String district) {
        List<ReportingUnit> units = new ArrayList<>();
        DivisionCode code = DivisionCode.of(district);
        units.add(new ReportingUnit(district, divisions.find(code).map(Division::name).orElse(district) + "（区办）",
                ReportingUnit.Kind.DISTRICT, district, null));
        for (Division town : divisions.children(code)) {
            units.add(new ReportingUnit(town.code().value(), town.name(), ReportingUnit.Kind.TOWN, town.code().value(), null));
        }
        for (Departments.Department d : departments.all()) {
            units.add(new ReportingUnit(d.code(), d.name(), ReportingUnit.Kind.DEPARTMENT, district, null));
        }
        return units;
    }

    /** The district office sees every unit; a town officer his town; a department officer his department. */
    private static boolean visible(ReportingUnit unit, CurrentUser user) {
        String scope = user.division().value();
        if (user.departmentCode() != null) {
            return unit.kind() == ReportingUnit.Kind.DEPARTMENT && unit.key().equals(user.departmentCode());
        }
        return switch (unit.kind()) {
            case DISTRICT, DEPARTMENT -> scope.length() <= 6;
            case TOWN -> unit.key().startsWith(scope) || scope.startsWith(unit.key());
        };
    }

    private ReportingUnit editable(CurrentUser editor, String key) {
        String scope = editor.division().value();
        return allUnits(districtOf(editor)).stream().filter(u -> u.key().equals(key))
                .filter(u -> visible(u, editor) && (u.kind() != ReportingUnit.Kind.TOWN || u.key().startsWith(scope)))
                .findFirst().orElseThrow(() -> new NotFoundException("单位“" + key + "”不存在或不在您的辖区内"));
    }

    private static String districtOf(CurrentUser user) {
        String code = user.division().value();
        return code.length() >= 6 ? code.substring(0, 6) : code;
    }

    private static Liaison named(Liaison stored, String unitName) {
        return stored == null ? null : new Liaison(stored.unitKey(), unitName, stored.section(), stored.name(), stored.post(),
                stored.phone(), stored.version());
    }

    private static String required(String raw, String field, String message, List<FieldError> errors) {
        String text = RequestValues.text(raw);
        if (text == null) {
            errors.add(new FieldError(field, message));
        }
        return text;
    }

    private static String phone(String raw, String field, List<FieldError> errors) {
        try {
            return PhoneNumber.parse(raw).value();
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "联系电话：" + e.getMessage()));
            return null;
        }
    }

    private static ConflictException stale(String what, int current, int yours) {
        return new ConflictException(what + "已被他人修改（当前版本 " + current + "，您修改的是版本 " + yours + "），请刷新后重新保存",
                Map.of("currentVersion", current, "yourVersion", yours));
    }

    private static Map<String, Object> liaisonMap(Liaison l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("section", l.section() == null ? "" : l.section());
        m.put("name", l.name());
        m.put("post", l.post() == null ? "" : l.post());
        m.put("phone", l.phone());
        return m;
    }

    private static Map<String, Object> memberMap(LeadingGroupMember m, boolean active) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("role", m.role().name());
        map.put("person", m.person());
        map.put("unit", m.unit());
        map.put("post", m.post() == null ? "" : m.post());
        map.put("active", active);
        return map;
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
