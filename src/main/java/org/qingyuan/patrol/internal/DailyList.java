package org.qingyuan.patrol.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.qingyuan.access.CurrentUser;
import org.qingyuan.grid.Grid;
import org.qingyuan.grid.Grids;
import org.qingyuan.ledger.EnterpriseSites;
import org.qingyuan.rectification.CaseState;
import org.qingyuan.rectification.CaseSummary;
import org.qingyuan.rectification.Cases;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A grid member's list for today (今日巡查): for each of his grids, the enterprises due a revisit (回头看, within the
 * reminder window or overdue) first, then those closed out (to keep them closed) and those under rectification (nearest deadline first), each marked when checked in today, then the area
 * sweep of the grid (扫街: anything not in the ledger).
 */
@Service
public class DailyList {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final Grids grids;
    private final EnterpriseSites sites;
    private final Cases cases;
    private final PatrolStore store;
    private final Clock clock;
    private final Revisits revisits;

    DailyList(Grids grids, EnterpriseSites sites, Cases cases, PatrolStore store, Clock clock, Revisits revisits) {
        this.revisits = revisits;
        this.grids = grids;
        this.sites = sites;
        this.cases = cases;
        this.store = store;
        this.clock = clock;
    }

    /** One site to visit. */
    public record Item(long enterpriseId, String name, String address, Long caseId, String caseState, boolean closedOut,
                       boolean overdue, String reason, boolean checkedToday, boolean located, LocalDate revisitDue,
                       boolean revisitOverdue) {

        /** A revisit (回头看) is due within the reminder window, or overdue. */
        public boolean revisit() {
            return revisitDue != null;
        }
    }

    /** The list of one grid. */
    public record GridList(Grid grid, List<Item> items) {

        public long done() {
            return items.stream().filter(Item::checkedToday).count();
        }
    }

    @Transactional(readOnly = true)
    public List<GridList> today(CurrentUser user) {
        LocalDate today = LocalDate.now(clock.withZone(CHINA));
        var since = today.atStartOfDay(CHINA).toInstant();
        var scope = grids.scopeOf(user);
        List<GridList> lists = new ArrayList<>();
        for (Grid grid : grids.ofMember(user.username())) {
            List<Long> ids = grids.enterprisesIn(grid.id(), scope);
            Map<Long, EnterpriseSites.Site> byId = sites.sites(ids);
            Set<Long> checked = ids.isEmpty() ? Set.of() : store.checkedInSince(ids, since);
            Map<Long, org.qingyuan.patrol.Revisit> due = revisits.nextDue(ids);
            LocalDate window = today.plusDays(revisits.schedule().remindDaysBefore());
            List<Item> items = new ArrayList<>();
            for (Long id : ids) {
                Optional<CaseSummary> c = cases.ofEnterprise(id, user.scope());
                EnterpriseSites.Site site = byId.get(id);
                if (site == null || c.isEmpty() || c.get().state() == CaseState.WITHDRAWN) {
                    continue;
                }
                CaseSummary k = c.get();
                boolean closed = k.state() == CaseState.CLOSED_OUT;
                org.qingyuan.patrol.Revisit r = due.get(id);
                LocalDate revisitDue = r != null && !r.dueOn().isAfter(window) ? r.dueOn() : null;
                boolean revisitOverdue = revisitDue != null && revisitDue.isBefore(today);
                String reason = revisitDue != null ? (revisitOverdue ? "回头看逾期 · 应于 " + revisitDue : "回头看 · 应于 " + revisitDue + " 前")
                        + " · 现场打卡拍照"
                        : closed ? "已销号 · 防反弹" : k.state().label() + (k.deadline() == null ? "" : " · 期限 " + k.deadline());
                items.add(new Item(id, site.name(), site.address(), k.id(), k.state().label(), closed, k.overdue() || revisitOverdue, reason,
                        checked.contains(id), site.latitude() != null && site.longitude() != null, revisitDue, revisitOverdue));
            }
            items.sort(Comparator.comparing((Item i) -> !i.revisit()).thenComparing(i -> !i.closedOut()).thenComparing(Item::checkedToday)
                    .thenComparing(Item::name));
            lists.add(new GridList(grid, items));
        }
        return lists;
    }
}
