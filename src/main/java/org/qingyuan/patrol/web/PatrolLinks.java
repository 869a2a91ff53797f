package org.qingyuan.patrol.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.qingyuan.access.Scope;
import org.qingyuan.ledger.EnterpriseId;
import org.qingyuan.ledger.EnterpriseLinks;
import org.qingyuan.patrol.CheckIn;
import org.qingyuan.patrol.Finding;
import org.qingyuan.patrol.internal.PatrolService;
import org.qingyuan.shared.NotFoundException;
import org.springframework.stereotype.Component;

/** The enterprise page's line with its latest patrol check-in. */
@Component
class PatrolLinks implements EnterpriseLinks {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private final PatrolService patrols;

    PatrolLinks(PatrolService patrols) {
        this.patrols = patrols;
    }

    @Override
    public List<EnterpriseLink> linksFor(EnterpriseId id, Scope scope) {
        try {
            return patrols.ofEnterprise(id.value(), scope, 1).stream().map((CheckIn c) -> new EnterpriseLink(
                    "最近巡查打卡 #" + c.id(), "/patrols/check-ins/" + c.id(),
                    TIME.format(c.checkedAt()) + " · " + c.finding().label() + (c.flagged() ? " · 待核实" : ""),
                    c.finding() != Finding.NOTHING || c.flagged())).toList();
        } catch (NotFoundException e) {
            return List.of();
        }
    }
}
