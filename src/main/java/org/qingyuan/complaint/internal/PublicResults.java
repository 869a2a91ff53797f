package org.qingyuan.complaint.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.qingyuan.access.Scope;
import org.qingyuan.audit.AuditEvent;
import org.qingyuan.audit.AuditTrail;
import org.qingyuan.access.CurrentUser;
import org.qingyuan.platform.Deployment;
import org.qingyuan.rectification.CaseLists;
import org.qingyuan.rectification.CaseQuery;
import org.qingyuan.rectification.CaseState;
import org.qingyuan.rectification.CaseSummary;
import org.qingyuan.rectification.Cases;
import org.qingyuan.region.Division;
import org.qingyuan.region.Divisions;
import org.qingyuan.shared.DivisionCode;
import org.qingyuan.shared.InvalidInputException;
import org.qingyuan.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the district makes public (002: 集中曝光典型案例; 003 此件公开发布): closed-out enterprises (name, village, measure,
 * date), answered complaints (the code masked, no content, no reporter), and the typical cases the district office
 * publishes. Only closed-out sites have a public page; nothing here names an official or a reporter.
 */
@Service
public class PublicResults {

    /** A closed-out site as the public sees it. */
    public record PublicSite(long enterpriseId, String name, String village, String measure, LocalDate closedOutOn) {
    }

    /** An answered complaint as the public sees it. */
    public record AnsweredComplaint(String code, LocalDate receivedOn, String town, String service, String outcome, LocalDate repliedOn) {
    }

    /** A published typical case. */
    public record TypicalCase(long id, String title, String body, LocalDate publishedOn, boolean withdrawn, int version) {
    }

    private final CaseLists caseLists;
    private final Cases cases;
    private final Divisions divisions;
    private final Deployment deployment;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    PublicResults(CaseLists caseLists, Cases cases, Divisions divisions, Deployment deployment, JdbcClient jdbc, AuditTrail audit,
                  Clock clock) {
        this.caseLists = caseLists;
        this.cases = cases;
        this.divisions = divisions;
        this.deployment = deployment;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    private Scope district() {
        return Scope.of(deployment.homeDistrict());
    }

    public List<PublicSite> closedOut(int limit) {
        return caseLists.search(new CaseQuery(null, null, CaseState.CLOSED_OUT, null, null, null, 0, Math.min(limit, 200)), district())
                .items().stream().map(this::site).toList();
    }

    /** The public page of a closed-out site; "not found" for any other enterprise (nothing about open cases leaks). */
    public PublicSite site(long enterpriseId) {
        return closedOutCase(enterpriseId).map(this::site)
                .orElseThrow(() -> new NotFoundException("没有该销号公示"));
    }

    public Optional<CaseSummary> closedOutCase(long enterpriseId) {
        return cases.ofEnterprise(enterpriseId, district()).filter(c -> c.state() == CaseState.CLOSED_OUT);
    }

    public String districtName() {
        return divisions.fullName(deployment.homeDistrict());
    }

    private PublicSite site(CaseSummary c) {
        return new PublicSite(c.enterpriseId(), c.enterpriseName(), name(c.divisionCode()), c.measureName(), c.closedOutOn());
    }

    public List<AnsweredComplaint> answered(int limit) {
        return jdbc.sql("""
                        SELECT tracking_code, received_at, division_code, service_code, founded, replied_at FROM complaint
                         WHERE district_code = :d AND state IN ('REPLIED', 'RATED') ORDER BY replied_at DESC LIMIT :limit
                        """).param("d", deployment.homeDistrict().value()).param("limit", limit)
                .query((rs, i) -> new AnsweredComplaint(TrackingCodes.masked(rs.getString(1)),
                        rs.getTimestamp(2).toInstant().atZone(ComplaintHandling.CHINA).toLocalDate(),
                        name(rs.getString(3).substring(0, Math.min(9, rs.getString(3).length()))),
                        org.qingyuan.complaint.ServiceKind.valueOf(rs.getString(4)).label(),
                        rs.getBoolean(5) ? "属实，已查处" : "经核查不属实",
                        rs.getTimestamp(6).toInstant().atZone(ComplaintHandling.CHINA).toLocalDate())).list();
    }

    public List<TypicalCase> typicalCases(boolean withWithdrawn) {
        return jdbc.sql("""
                        SELECT id, title, body, published_on, withdrawn_at IS NOT NULL, version FROM complaint_typical_case
                         WHERE district_code = :d AND (:all OR withdrawn_at IS NULL) ORDER BY published_on DESC, id DESC
                        """).param("d", deployment.homeDistrict().value()).param("all", withWithdrawn)
                .query((rs, i) -> new TypicalCase(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate(),
                        rs.getBoolean(5), rs.getInt(6))).list();
    }

    @Transactional
    public TypicalCase publish(String title, String body, CurrentUser actor) {
        if (title == null || title.isBlank() || title.strip().length() > 100) {
            throw new InvalidInputException("title", "请填写标题（不超过 100 个字）");
        }
        if (body == null || body.isBlank() || body.strip().length() > 5000) {
            throw new InvalidInputException("body", "请填写案例内容（不超过 5000 个字）");
        }
        long id = jdbc.sql("""
                        INSERT INTO complaint_typical_case (district_code, title, body, published_on, published_at, published_by)
                        VALUES (:d, :t, :b, :on, :at, :by) RETURNING id
                        """).param("d", deployment.homeDistrict().value()).param("t", title.strip()).param("b", body.strip())
                .param("on", LocalDate.now(clock.withZone(ComplaintHandling.CHINA))).param("at", Timestamp.from(clock.instant()))
                .param("by", actor.username()).query(Long.class).single();
        audit.record(new AuditEvent("TYPICAL_CASE_PUBLISHED", "TypicalCase", Long.toString(id), null, Map.of("title", title.strip())));
        return typicalCases(true).stream().filter(t -> t.id() == id).findFirst().orElseThrow();
    }

    @Transactional
    public void withdraw(long id, int version, String reason, CurrentUser actor) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "请填写撤下的理由");
        }
        int n = jdbc.sql("""
                UPDATE complaint_typical_case SET withdrawn_at = :at, version = version + 1
                 WHERE id = :id AND version = :v AND withdrawn_at IS NULL AND district_code = :d
                """).param("at", Timestamp.from(clock.instant())).param("id", id).param("v", version)
                .param("d", deployment.homeDistrict().value()).update();
        if (n != 1) {
            throw new org.qingyuan.shared.ConflictException("该案例已撤下或已被他人修改，请刷新后重试");
        }
        audit.record(new AuditEvent("TYPICAL_CASE_WITHDRAWN", "TypicalCase", Long.toString(id), reason.strip(), Map.of()));
    }

    private String name(String code) {
        return divisions.find(DivisionCode.of(code)).map(Division::name).orElse("");
    }
}
