package org.qingyuan.reporting.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.qingyuan.access.RoleHolders;
import org.qingyuan.notification.Inbox;
import org.qingyuan.notification.Notice;
import org.qingyuan.organisation.Liaison;
import org.qingyuan.organisation.Liaisons;
import org.qingyuan.reporting.Submission;
import org.qingyuan.shared.DivisionCode;
import org.springframework.stereotype.Component;

/**
 * Who hears about a submission: the unit (its officers, and its liaison when the liaison has an account with the phone
 * the unit recorded) before the due date and when the district office answers; the district office when it is
 * submitted or late.
 */
@Component
class ReportNotices {

    private final Inbox inbox;
    private final RoleHolders holders;
    private final Liaisons liaisons;

    ReportNotices(Inbox inbox, RoleHolders holders, Liaisons liaisons) {
        this.inbox = inbox;
        this.holders = holders;
        this.liaisons = liaisons;
    }

    int remind(Submission s) {
        Submission.Subject j = s.subject();
        return inbox.deliver(unit(s), new Notice("REPORT_DUE_SOON", "报送提醒：" + j.dutyTitle() + "（" + j.periodLabel() + "）",
                j.unitName() + "应于 " + j.due() + " 前报送" + j.dutyTitle() + "，请及时生成、核对并提交。", link(s),
                "report-due-" + s.id()));
    }

    int late(Submission s) {
        Submission.Subject j = s.subject();
        Notice notice = new Notice("REPORT_LATE", "逾期未报：" + j.unitName() + " " + j.dutyTitle() + "（" + j.periodLabel() + "）",
                j.unitName() + "未在 " + j.due() + " 前报送" + j.dutyTitle() + "。", link(s), "report-late-" + s.id());
        Set<String> to = new LinkedHashSet<>(unit(s));
        to.addAll(holders.covering(List.of("DISTRICT_OFFICE"), j.unitDivision().substring(0, 6)));
        return inbox.deliver(to, notice);
    }

    void submitted(Submission s) {
        Submission.Subject j = s.subject();
        inbox.deliver(holders.covering(List.of("DISTRICT_OFFICE"), j.unitDivision().substring(0, 6)),
                new Notice("REPORT_SUBMITTED", "收到报送：" + j.unitName() + " " + j.dutyTitle() + "（" + j.periodLabel() + "）",
                        j.unitName() + "已报送" + j.dutyTitle() + (s.generation() > 1 ? "（更正件）" : "") + "，请接收或退回。",
                        link(s), "report-submitted-" + s.id()));
    }

    void answered(Submission s) {
        Submission.Subject j = s.subject();
        boolean returned = s.returnReason() != null;
        inbox.deliver(unit(s), new Notice(returned ? "REPORT_RETURNED" : "REPORT_RECEIVED",
                (returned ? "报送被退回：" : "报送已接收：") + j.dutyTitle() + "（" + j.periodLabel() + "）",
                returned ? "退回原因：" + s.returnReason() + "。请更正后重新报送。" : "区整治办已接收。", link(s),
                "report-answered-" + s.id()));
    }

    /** The unit's officers, and its liaison's account if there is one. */
    private Set<String> unit(Submission s) {
        Submission.Subject j = s.subject();
        Set<String> to = new LinkedHashSet<>();
        switch (j.unitKind()) {
            case "DEPARTMENT" -> to.addAll(holders.ofDepartment(j.unitKey()));
            case "TOWN" -> to.addAll(holders.covering(List.of("TOWN_OFFICER"), j.unitKey()));
            default -> to.addAll(holders.covering(List.of("DISTRICT_OFFICE"), j.unitKey()));
        }
        if (!j.unitKind().equals("DEPARTMENT")) {
            Liaison liaison = liaisons.forDivision(DivisionCode.of(j.unitKey())).orElse(null);
            if (liaison != null) {
                to.addAll(holders.byPhone(liaison.phone(), j.unitDivision()));
            }
        }
        return to;
    }

    private static String link(Submission s) {
        return "/reports/submissions/" + s.id();
    }
}
