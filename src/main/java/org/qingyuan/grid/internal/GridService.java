package org.qingyuan.grid.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.qingyuan.access.ActingUsers;
import org.qingyuan.access.CurrentUser;
import org.qingyuan.access.GridMemberships;
import org.qingyuan.access.RoleCode;
import org.qingyuan.access.RoleHolders;
import org.qingyuan.access.Scope;
import org.qingyuan.audit.AuditEvent;
import org.qingyuan.audit.AuditTrail;
import org.qingyuan.grid.Grid;
import org.qingyuan.grid.GridAssignment;
import org.qingyuan.grid.GridAssignment.AssignedBy;
import org.qingyuan.grid.Grids;
import org.qingyuan.ledger.EnterpriseQuery;
import org.qingyuan.ledger.EnterpriseVisibility;
import org.qingyuan.ledger.EnterpriseSites;
import org.qingyuan.ledger.EnterpriseSummary;
import org.qingyuan.ledger.Ledger;
import org.qingyuan.region.Division;
import org.qingyuan.region.Divisions;
import org.qingyuan.shared.ConflictException;
import org.qingyuan.shared.DivisionCode;
import org.qingyuan.shared.DivisionLevel;
import org.qingyuan.shared.FieldError;
import org.qingyuan.shared.InvalidInputException;
import org.qingyuan.shared.NotFoundException;
import org.qingyuan.shared.Page;
import org.qingyuan.shared.ValidationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The grids: reads within the caller's scope, and the town's (or district's) commands to draw a grid, name its
 * members and place enterprises by hand. A grid with a boundary takes the enterprises of its village whose coordinates
 * lie inside it; changing a boundary reassigns the village. Commands name the version they start from (409 when
 * stale) and are audited in their transaction.
 */
@Service
public class GridService implements Grids, GridMemberships, EnterpriseVisibility {

    static final String GRID = "Grid";
    static final String ASSIGNMENT = "GridAssignment";

    private final GridStore store;
    private final Divisions divisions;
    private final RoleHolders roleHolders;
    private final EnterpriseSites sites;
    private final Ledger ledger;
    private final AuditTrail audit;
    private final ActingUsers actors;
    private final Clock clock;

    GridService(GridStore store, Divisions divisions, RoleHolders roleHolders, EnterpriseSites sites, Ledger ledger,
                AuditTrail audit, ActingUsers actors, Clock clock) {
        this.store = store;
        this.divisions = divisions;
        this.roleHolders = roleHolders;
        this.sites = sites;
        this.ledger = ledger;
        this.audit = audit;
        this.actors = actors;
        this.clock = clock;
    }

    /** What the grid form carries. */
    public record GridInput(String villageCode, String name, String boundary, List<String> members) {
    }

    // ---------------------------------------------------------------- reads

    @Override
    @Transactional(readOnly = true)
    public Scope scopeOf(CurrentUser user) {
        if (user.grids() != null || user.role() != RoleCode.GRID_MEMBER) {
            return user.scope();
        }
        Set<Long> mine = gridsOf(user.username());
        return mine.isEmpty() ? user.scope() : user.scope().withinGrids(mine);
    }

    @Override
    @Transactional(readOnly = true)
    public Set<Long> hidden(Scope scope) {
        return scope.gridLimited() ? store.hiddenFrom(scope) : Set.of();
    }

    @Override
    @Transactional(readOnly = true)
    public Set<Long> gridsOf(String username) {
        return new HashSet<>(store.gridIdsOfMember(username));
    }

    @Override
    @Transactional(readOnly = true)
    public Grid get(long id, Scope scope) {
        return store.find(id, scope).map(this::grid).orElseThrow(GridService::notFound);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Grid> list(String divisionCode, Scope scope) {
        String prefix = divisionCode == null ? scope.prefix() : InvalidInputException.divisionCode("division", divisionCode).prefix();
        return store.list(prefix, scope).stream().map(this::grid).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Grid> ofMember(String username) {
        return store.ofMember(username).stream().map(this::grid).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<GridAssignment> ofEnterprise(long enterpriseId) {
        return Optional.ofNullable(ofEnterprises(List.of(enterpriseId)).get(enterpriseId));
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, GridAssignment> ofEnterprises(Collection<Long> enterpriseIds) {
        Map<Long, GridAssignment> found = store.assignments(enterpriseIds);
        Map<String, String> villages = new java.util.HashMap<>();   // a town's thousands of enterprises lie in a few villages
        found.replaceAll((id, a) -> {
            String[] villageAndName = a.gridLabel().split("\\|", 2);
            return new GridAssignment(a.enterpriseId(), a.gridId(),
                    villages.computeIfAbsent(villageAndName[0], this::villageName) + " · " + villageAndName[1],
                    a.assignedBy(), a.version());
        });
        return found;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Long> enterprisesIn(long gridId, Scope scope) {
        store.find(gridId, scope).orElseThrow(GridService::notFound);
        return store.enterprisesIn(gridId);
    }

    /** The grid member accounts that may be named in a village's grids (their jurisdiction covers the village). */
    @Transactional(readOnly = true)
    public List<String> candidateMembers(String villageCode) {
        return roleHolders.covering(List.of(RoleCode.GRID_MEMBER.name()), villageCode);
    }

    // ---------------------------------------------------------------- commands

    @Transactional
    public Grid create(CurrentUser editor, GridInput in) {
        Checked c = check(editor, in, 0);
        Instant now = now();
        long id = store.insert(c.village(), c.name(), c.boundary() == null ? null : c.boundary().json(), now, actors.username());
        store.replaceMembers(id, c.members());
        audit.record(new AuditEvent("GRID_CREATED", GRID, Long.toString(id), null, details(c, 1)));
        if (c.boundary() != null) {
            reassignVillage(c.village());
        }
        return get(id, editor.scope());
    }

    @Transactional
    public Grid update(CurrentUser editor, long id, int version, GridInput in) {
        GridStore.Row current = store.find(id, editor.scope()).orElseThrow(GridService::notFound);
        store.lock(id);
        Checked c = check(editor, new GridInput(current.villageCode(), in.name(), in.boundary(), in.members()), id);
        int newVersion = store.update(id, version, c.name(), c.boundary() == null ? null : c.boundary().json(), now(),
                actors.username());
        if (newVersion < 0) {
            int now = store.lock(id).map(GridStore.Row::version).orElse(0);
            throw new ConflictException("网格已被他人修改（当前第 " + now + " 版，您修改的是第 " + version + " 版），请刷新后重试",
                    Map.of("currentVersion", now));
        }
        store.replaceMembers(id, c.members());
        Map<String, Object> details = details(c, newVersion);
        details.put("before", Map.of("name", current.name(), "members", current.members(), "bounded", current.boundary() != null));
        audit.record(new AuditEvent("GRID_CHANGED", GRID, Long.toString(id), null, details));
        if (current.boundary() != null || c.boundary() != null) {
            reassignVillage(c.village());
        }
        return get(id, editor.scope());
    }

    /**
     * Places an enterprise of the grid's village in the grid by hand; {@code version} is its current assignment's (0 when
     * it has none). An enterprise whose coordinates lie inside a grid's boundary belongs to that grid: 409.
     */
    @Transactional
    public GridAssignment assignByHand(CurrentUser editor, long gridId, long enterpriseId, int version) {
        GridStore.Row grid = store.find(gridId, editor.scope()).orElseThrow(GridService::notFound);
        EnterpriseSites.Site site = sites.sites(List.of(enterpriseId)).get(enterpriseId);
        if (site == null || !editor.scope().covers(DivisionCode.of(site.divisionCode()))) {
            throw new NotFoundException("企业不存在或不在您的辖区内");
        }
        if (!site.divisionCode().startsWith(grid.villageCode())) {
            throw new InvalidInputException("enterpriseId", "企业“" + site.name() + "”不在网格所在的村（社区）");
        }
        Optional<GridStore.Row> byBoundary = containing(grid.villageCode(), site);
        if (byBoundary.isPresent()) {
            throw new ConflictException("企业坐标位于网格“" + byBoundary.get().name() + "”的边界内，按坐标归属，不能人工指定");
        }
        GridAssignment current = store.assignments(List.of(enterpriseId)).get(enterpriseId);
        int currentVersion = current == null ? 0 : current.version();
        if (currentVersion != version) {
            throw new ConflictException("企业的网格归属已被他人修改（当前第 " + currentVersion + " 版），请刷新后重试",
                    Map.of("currentVersion", currentVersion));
        }
        int newVersion = store.assign(enterpriseId, gridId, AssignedBy.HAND, now(), actors.username());
        audit.record(new AuditEvent("ENTERPRISE_GRID_ASSIGNED", ASSIGNMENT, Long.toString(enterpriseId), null,
                Map.of("gridId", gridId, "from", current == null ? "" : Long.toString(current.gridId()), "by", AssignedBy.HAND.name(),
                        "version", newVersion)));
        return ofEnterprise(enterpriseId).orElseThrow();
    }

    /**
     * Places one enterprise by its coordinates (it was registered, moved or re-drawn): inside a bounded grid of its
     * village → that grid; outside every boundary → a boundary assignment is lifted, a hand assignment kept.
     */
    @Transactional
    public void placeByPosition(long enterpriseId) {
        EnterpriseSites.Site site = sites.sites(List.of(enterpriseId)).get(enterpriseId);
        GridAssignment current = store.assignments(List.of(enterpriseId)).get(enterpriseId);
        if (site == null) {
            return;
        }
        String village = site.divisionCode().length() >= 12 ? site.divisionCode().substring(0, 12) : site.divisionCode();
        Optional<GridStore.Row> inside = containing(village, site);
        if (inside.isPresent()) {
            if (current == null || current.gridId() != inside.get().id() || current.assignedBy() != AssignedBy.BOUNDARY) {
                int v = store.assign(enterpriseId, inside.get().id(), AssignedBy.BOUNDARY, now(), actors.username());
                audit.record(new AuditEvent("ENTERPRISE_GRID_ASSIGNED", ASSIGNMENT, Long.toString(enterpriseId), null,
                        Map.of("gridId", inside.get().id(), "from", current == null ? "" : Long.toString(current.gridId()),
                                "by", AssignedBy.BOUNDARY.name(), "version", v)));
            }
        } else if (current != null && (current.assignedBy() == AssignedBy.BOUNDARY
                || !store.inVillage(village).stream().anyMatch(g -> g.id() == current.gridId()))) {
            store.unassign(enterpriseId);
            audit.record(new AuditEvent("ENTERPRISE_GRID_UNASSIGNED", ASSIGNMENT, Long.toString(enterpriseId), null,
                    Map.of("gridId", current.gridId(), "reason", "坐标不在任何网格边界内")));
        }
    }

    /** Reassigns every enterprise of a village after a boundary changed. */
    void reassignVillage(String villageCode) {
        Scope village = Scope.of(DivisionCode.of(villageCode));
        for (int p = 0; ; p++) {
            Page<EnterpriseSummary> page = ledger.search(new EnterpriseQuery(DivisionCode.of(villageCode), null, null, null, null,
                    null, null, null, null, null, null, null, true, false, EnterpriseQuery.Sort.REPORTED_ON, true, p,
                    EnterpriseQuery.MAX_SIZE), village);
            page.items().forEach(e -> placeByPosition(e.id().value()));
            if (p + 1 >= page.totalPages()) {
                break;
            }
        }
    }

    private Optional<GridStore.Row> containing(String villageCode, EnterpriseSites.Site site) {
        if (site.longitude() == null || site.latitude() == null) {
            return Optional.empty();
        }
        return store.inVillage(villageCode).stream()
                .filter(g -> g.boundary() != null && GridBoundary.parse(g.boundary()).contains(site.longitude(), site.latitude()))
                .findFirst();
    }

    private record Checked(String village, String name, GridBoundary boundary, Set<String> members) {
    }

    private Checked check(CurrentUser editor, GridInput in, long id) {
        List<FieldError> errors = new ArrayList<>();
        String village = in.villageCode() == null ? "" : in.villageCode().strip();
        if (!DivisionCode.isValid(village) || DivisionCode.of(village).level() != DivisionLevel.VILLAGE) {
            errors.add(new FieldError("villageCode", "请选择网格所在的村（社区）"));
        } else if (!editor.scope().covers(DivisionCode.of(village)) || divisions.find(DivisionCode.of(village)).isEmpty()) {
            errors.add(new FieldError("villageCode", "村（社区）“" + village + "”不在您的辖区内"));
        }
        String name = in.name() == null ? "" : in.name().strip();
        if (name.isEmpty()) {
            errors.add(new FieldError("name", "请填写网格名称"));
        } else if (name.length() > 50) {
            errors.add(new FieldError("name", "网格名称不能超过 50 个字"));
        } else if (errors.isEmpty() && store.nameTaken(village, name, id)) {
            errors.add(new FieldError("name", "本村（社区）已有名为“" + name + "”的网格"));
        }
        GridBoundary boundary = null;
        try {
            boundary = GridBoundary.parse(in.boundary());
        } catch (InvalidInputException e) {
            errors.add(new FieldError(e.field(), e.getMessage()));
        }
        Set<String> members = new LinkedHashSet<>();
        if (in.members() != null) {
            in.members().stream().filter(m -> m != null && !m.isBlank()).map(String::strip).forEach(members::add);
        }
        if (errors.isEmpty() && !members.isEmpty()) {
            List<String> allowed = candidateMembers(village);
            for (String m : members) {
                if (!allowed.contains(m)) {
                    errors.add(new FieldError("members", "“" + m + "”不是本村（社区）的网格员账号"));
                }
            }
        }
        ValidationException.throwIfAny(errors);
        return new Checked(village, name, boundary, members);
    }

    private static Map<String, Object> details(Checked c, int version) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("villageCode", c.village());
        details.put("name", c.name());
        details.put("boundary", c.boundary() == null ? "" : c.boundary().json());
        details.put("members", List.copyOf(c.members()));
        details.put("version", version);
        return details;
    }

    private Grid grid(GridStore.Row r) {
        return new Grid(r.id(), r.villageCode(), villageName(r.villageCode()), r.name(), r.boundary(), r.members(), r.enterprises(),
                r.version());
    }

    private String villageName(String code) {
        return divisions.find(DivisionCode.of(code)).map(d -> Division.shortName(d.name())).orElse(code);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    static NotFoundException notFound() {
        return new NotFoundException("网格不存在或不在您的辖区内");
    }
}
