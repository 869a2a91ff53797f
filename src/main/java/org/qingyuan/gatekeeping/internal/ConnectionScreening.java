package org.qingyuan.gatekeeping.internal;

import java.util.Map;
import java.util.Set;

import org.qingyuan.access.CurrentUser;
import org.qingyuan.access.RoleCode;
import org.qingyuan.audit.AuditEvent;
import org.qingyuan.audit.AuditTrail;
import org.qingyuan.gatekeeping.Gatekeeping;
import org.qingyuan.gatekeeping.LookupAnswer;
import org.qingyuan.gatekeeping.LookupQuery;
import org.qingyuan.gatekeeping.RedLineArea;
import org.qingyuan.notification.Inbox;
import org.qingyuan.notification.Notice;
import org.qingyuan.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Screening of a new water, power or gas connection (002 五1): the lookup by coordinates, else by address; when the
 * site is banned the town's officers are alerted at once — a rebound signal before production starts.
 */
@Service
public class ConnectionScreening {

    private final Gatekeeping gatekeeping;
    private final RedLineStore redLines;
    private final Inbox inbox;
    private final AuditTrail audit;
    private final JdbcClient jdbc;

    ConnectionScreening(Gatekeeping gatekeeping, RedLineStore redLines, Inbox inbox, AuditTrail audit, JdbcClient jdbc) {
        this.gatekeeping = gatekeeping;
        this.redLines = redLines;
        this.inbox = inbox;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    /** A connection request as the utility sends it. */
    public record Request(String utility, String accountNumber, String address, Double latitude, Double longitude) {
    }

    /** The answer: the connection's id, the lookup, and the division whose officers were alerted (or null). */
    public record Screened(long id, LookupAnswer lookup, String alertedDivision) {
    }

    public Screened screen(Request request, CurrentUser caller) {
        String utility = request.utility() == null ? "" : request.utility().strip().toUpperCase();
        if (!Set.of("WATER", "POWER", "GAS").contains(utility)) {
            throw new InvalidInputException("utility", "请指明供水（WATER）、供电（POWER）或供气（GAS）");
        }
        if (request.accountNumber() == null || request.accountNumber().isBlank() || request.accountNumber().length() > 64) {
            throw new InvalidInputException("accountNumber", "请填写户号（不超过 64 个字符）");
        }
        boolean byPoint = request.latitude() != null || request.longitude() != null;
        if (!byPoint && (request.address() == null || request.address().isBlank())) {
            throw new InvalidInputException("address", "请给出接电接水地址或经纬度");
        }
        LookupAnswer answer = gatekeeping.lookup(byPoint
                ? new LookupQuery(null, null, null, request.latitude(), request.longitude(), null)
                : new LookupQuery(null, null, request.address(), null, null, null), caller);
        String alerted = answer.banned() ? alertDivision(answer, caller) : null;
        long id = jdbc.sql("""
                        INSERT INTO gatekeeping_connection (division_code, utility, account_number, address, longitude, latitude,
                                                            banned, reasons, alerted_division, requested_by)
                        VALUES (:division, :utility, :account, :address, :lon, :lat, :banned, :reasons, :alerted, :by)
                        RETURNING id
                        """)
                .param("division", caller.division().value()).param("utility", utility)
                .param("account", request.accountNumber().strip()).param("address", request.address())
                .param("lon", request.longitude()).param("lat", request.latitude()).param("banned", answer.banned())
                .param("reasons", String.join("\n", answer.reasons())).param("alerted", alerted)
                .param("by", caller.username()).query(Long.class).single();
        if (alerted != null) {
            String label = switch (utility) {
                case "WATER" -> "接水";
                case "GAS" -> "接气";
                default -> "接电";
            };
            // a site in a town alerts the town; an area known only by its district alerts the district office
            inbox.deliverToRoles(Set.of((alerted.length() >= 9 ? RoleCode.TOWN_OFFICER : RoleCode.DISTRICT_OFFICE).name()), alerted, new Notice("GATEKEEPING_CONNECTION",
                    "反弹预警：禁入场所申请" + label + "（户号 " + request.accountNumber().strip() + "）",
                    (request.address() == null ? "" : request.address() + "：") + String.join("；", answer.reasons())
                            + "。请在投产前核查，防止死灰复燃。", "/gatekeeping", "gatekeeping-connection-" + id));
        }
        audit.record(new AuditEvent("GATEKEEPING_CONNECTION_SCREENED", "GatekeepingConnection", String.valueOf(id), null,
                Map.of("utility", utility, "account", request.accountNumber().strip(), "banned", answer.banned(),
                        "alerted", alerted == null ? "" : alerted)));
        return new Screened(id, answer, alerted);
    }

    /** The town of the banned site, else of the red-line area's first division, else the area's keeper. */
    private String alertDivision(LookupAnswer answer, CurrentUser caller) {
        String division = answer.matches().stream().filter(LookupAnswer.Match::banned).map(LookupAnswer.Match::divisionCode)
                .findFirst().orElse(null);
        if (division == null && !answer.redLines().isEmpty()) {
            long areaId = answer.redLines().get(0).id();
            division = redLines.find(areaId).map(RedLineArea::divisionCodes).filter(c -> !c.isEmpty()).map(c -> c.get(0))
                    .orElseGet(() -> redLines.find(areaId).map(RedLineArea::divisionCode).orElse(caller.division().value()));
        }
        return division.length() > 9 ? division.substring(0, 9) : division;
    }
}
