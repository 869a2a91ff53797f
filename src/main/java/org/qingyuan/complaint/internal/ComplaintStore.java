package org.qingyuan.complaint.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.qingyuan.complaint.Channel;
import org.qingyuan.complaint.Complaint;
import org.qingyuan.complaint.ComplaintState;
import org.qingyuan.complaint.ServiceKind;
import org.qingyuan.shared.ConflictException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code complaint} table and its timeline. Every read names the jurisdiction's prefix, except the tracking code's. */
@Repository
class ComplaintStore {

    /** The sealed contact columns, as stored. */
    record SealedContact(String name, String phone, String idNumber) {
    }

    /** One step of the timeline. */
    record Step(String kind, Instant at, String actor, String note, String publicNote) {
    }

    /** What intake stores. */
    record NewRow(String trackingCode, Channel channel, String externalRef, ServiceKind service, String description, String address,
                  Double longitude, Double latitude, String districtCode, String divisionCode, SealedContact contact, Instant at, String by,
                  Long enterpriseId, Long caseId) {
    }

    private static final String COLUMNS = "*, (reporter_name IS NOT NULL OR reporter_phone IS NOT NULL OR reporter_id_no IS NOT NULL) AS has_contact";

    private final JdbcClient jdbc;

    ComplaintStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(NewRow r) {
        return jdbc.sql("""
                        INSERT INTO complaint (tracking_code, channel, external_ref, service_code, description, address, longitude, latitude,
                                               district_code, division_code, state, reporter_name, reporter_phone, reporter_id_no,
                                               received_at, received_by, updated_at, enterprise_id, case_id)
                        VALUES (:code, :channel, :ref, :service, :description, :address, :lon, :lat, :district, :division, 'RECEIVED',
                                :name, :phone, :idNo, :at, :by, :at, :enterprise, :case) RETURNING id
                        """).param("code", r.trackingCode()).param("channel", r.channel().name()).param("ref", r.externalRef())
                .param("service", r.service().name()).param("description", r.description()).param("address", r.address())
                .param("lon", r.longitude()).param("lat", r.latitude()).param("district", r.districtCode())
                .param("division", r.divisionCode()).param("name", r.contact().name()).param("phone", r.contact().phone())
                .param("idNo", r.contact().idNumber()).param("at", ts(r.at())).param("by", r.by()).param("enterprise", r.enterpriseId())
                .param("case", r.caseId()).query(Long.class).single();
    }

    Optional<Complaint> find(long id, String prefix) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM complaint WHERE id = :id AND division_code LIKE :prefix || '%'")
                .param("id", id).param("prefix", prefix).query(ComplaintStore::row).optional();
    }

    Optional<Complaint> byTrackingCode(String code) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM complaint WHERE tracking_code = :code").param("code", code)
                .query(ComplaintStore::row).optional();
    }

    Optional<Complaint> byExternalRef(Channel channel, String ref) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM complaint WHERE channel = :c AND external_ref = :ref").param("c", channel.name())
                .param("ref", ref).query(ComplaintStore::row).optional();
    }

    List<Complaint> list(String prefix, ComplaintState state, boolean overdueOnly, LocalDate today, int limit, int offset) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM complaint WHERE division_code LIKE :prefix || '%'
                          AND (CAST(:state AS text) IS NULL OR state = :state)
                          AND (NOT :overdue OR (state IN ('RECEIVED', 'TRIAGED', 'ASSIGNED', 'VERIFIED') AND deadline < :today))
                        ORDER BY received_at DESC, id DESC LIMIT :limit OFFSET :offset
                        """).param("prefix", prefix).param("state", state == null ? null : state.name()).param("overdue", overdueOnly)
                .param("today", today).param("limit", limit).param("offset", offset).query(ComplaintStore::row).list();
    }

    long count(String prefix, ComplaintState state, boolean overdueOnly, LocalDate today) {
        return jdbc.sql("""
                        SELECT count(*) FROM complaint WHERE division_code LIKE :prefix || '%'
                          AND (CAST(:state AS text) IS NULL OR state = :state)
                          AND (NOT :overdue OR (state IN ('RECEIVED', 'TRIAGED', 'ASSIGNED', 'VERIFIED') AND deadline < :today))
                        """).param("prefix", prefix).param("state", state == null ? null : state.name()).param("overdue", overdueOnly)
                .param("today", today).query(Long.class).single();
    }

    /** In-hand complaints past their deadline, of every district (the sweep). */
    List<Complaint> overdue(LocalDate today) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM complaint WHERE state IN ('ASSIGNED', 'VERIFIED') AND deadline < :today ORDER BY id
                        """).param("today", today).query(ComplaintStore::row).list();
    }

    void update(Complaint c, int seenVersion) {
        int n = jdbc.sql("""
                        UPDATE complaint SET division_code = :division, state = :state, founded = :founded, deadline = :deadline,
                               deadline_rule = :rule, triage_note = :triage, check_in_at = :checkInAt, check_in_longitude = :clon,
                               check_in_latitude = :clat, verification_note = :vnote, enterprise_id = :enterprise, lead_id = :lead,
                               case_id = :case, unfounded_reason = :unfounded, reply = :reply, replied_at = :repliedAt, rating = :rating,
                               rating_comment = :ratingComment, rated_at = :ratedAt, reminded_on = :remindedOn, escalated_at = :escalatedAt,
                               updated_at = :updatedAt, version = :version
                         WHERE id = :id AND version = :seen
                        """).param("division", c.divisionCode()).param("state", c.state().name()).param("founded", c.founded())
                .param("deadline", c.deadline()).param("rule", c.deadlineRule()).param("triage", c.triageNote())
                .param("checkInAt", ts(c.checkInAt())).param("clon", c.checkInLongitude()).param("clat", c.checkInLatitude())
                .param("vnote", c.verificationNote()).param("enterprise", c.enterpriseId()).param("lead", c.leadId())
                .param("case", c.caseId()).param("unfounded", c.unfoundedReason()).param("reply", c.reply())
                .param("repliedAt", ts(c.repliedAt())).param("rating", c.rating()).param("ratingComment", c.ratingComment())
                .param("ratedAt", ts(c.ratedAt())).param("remindedOn", c.remindedOn()).param("escalatedAt", ts(c.escalatedAt()))
                .param("updatedAt", ts(c.updatedAt())).param("version", c.version()).param("id", c.id()).param("seen", seenVersion)
                .update();
        if (n != 1) {
            throw new ConflictException("举报 " + c.trackingCode() + " 已被他人修改，请刷新后重试");
        }
    }

    void markReminded(long id, LocalDate on, Instant escalatedAt) {
        jdbc.sql("UPDATE complaint SET reminded_on = :on, escalated_at = coalesce(escalated_at, :esc) WHERE id = :id")
                .param("on", on).param("esc", ts(escalatedAt)).param("id", id).update();
    }

    void step(long id, String kind, Instant at, String actor, String note, String publicNote) {
        jdbc.sql("INSERT INTO complaint_step (complaint_id, kind, at, actor, note, public_note) VALUES (:id, :kind, :at, :actor, :note, :pn)")
                .param("id", id).param("kind", kind).param("at", ts(at)).param("actor", actor).param("note", note).param("pn", publicNote)
                .update();
    }

    List<Step> steps(long id) {
        return jdbc.sql("SELECT kind, at, actor, note, public_note FROM complaint_step WHERE complaint_id = :id ORDER BY at, id")
                .param("id", id).query((rs, i) -> new Step(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getString(4), rs.getString(5))).list();
    }

    SealedContact contact(long id) {
        return jdbc.sql("SELECT reporter_name, reporter_phone, reporter_id_no FROM complaint WHERE id = :id").param("id", id)
                .query((rs, i) -> new SealedContact(rs.getString(1), rs.getString(2), rs.getString(3))).single();
    }

    void replaceContact(long id, SealedContact c) {
        jdbc.sql("UPDATE complaint SET reporter_name = :n, reporter_phone = :p, reporter_id_no = :i WHERE id = :id")
                .param("n", c.name()).param("p", c.phone()).param("i", c.idNumber()).param("id", id).update();
    }

    /** Deletes the contact of answered complaints replied before the instant; answers their ids. */
    List<Long> deleteContactsRepliedBefore(Instant before, Instant now) {
        return jdbc.sql("""
                        UPDATE complaint SET reporter_name = NULL, reporter_phone = NULL, reporter_id_no = NULL, contact_deleted_at = :now
                         WHERE state IN ('REPLIED', 'RATED') AND replied_at < :before
                           AND (reporter_name IS NOT NULL OR reporter_phone IS NOT NULL OR reporter_id_no IS NOT NULL)
                        RETURNING id
                        """).param("before", ts(before)).param("now", ts(now)).query(Long.class).list();
    }

    /** Ids and sealed contacts of every complaint with a contact (re-encryption). */
    List<Object[]> sealedContacts() {
        return jdbc.sql("""
                        SELECT id, reporter_name, reporter_phone, reporter_id_no FROM complaint
                         WHERE reporter_name IS NOT NULL OR reporter_phone IS NOT NULL OR reporter_id_no IS NOT NULL ORDER BY id FOR UPDATE
                        """).query((rs, i) -> new Object[] {rs.getLong(1), new SealedContact(rs.getString(2), rs.getString(3),
                        rs.getString(4))}).list();
    }

    static Complaint row(ResultSet rs, int i) throws SQLException {
        return new Complaint(rs.getLong("id"), rs.getString("tracking_code"), Channel.valueOf(rs.getString("channel")),
                rs.getString("external_ref"), ServiceKind.valueOf(rs.getString("service_code")), rs.getString("description"),
                rs.getString("address"), dbl(rs, "longitude"), dbl(rs, "latitude"), rs.getString("district_code"),
                rs.getString("division_code"), ComplaintState.valueOf(rs.getString("state")), (Boolean) rs.getObject("founded"),
                date(rs, "deadline"), rs.getString("deadline_rule"), inst(rs, "received_at"), rs.getString("received_by"),
                rs.getString("triage_note"), inst(rs, "check_in_at"), dbl(rs, "check_in_longitude"), dbl(rs, "check_in_latitude"),
                rs.getString("verification_note"), lng(rs, "enterprise_id"), lng(rs, "lead_id"), lng(rs, "case_id"),
                rs.getString("unfounded_reason"), rs.getString("reply"), inst(rs, "replied_at"), (Integer) rs.getObject("rating"),
                rs.getString("rating_comment"), inst(rs, "rated_at"), date(rs, "reminded_on"), inst(rs, "escalated_at"),
                rs.getBoolean("has_contact"), inst(rs, "contact_deleted_at"), inst(rs, "updated_at"), rs.getInt("version"));
    }

    static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static Instant inst(ResultSet rs, String c) throws SQLException {
        Timestamp t = rs.getTimestamp(c);
        return t == null ? null : t.toInstant();
    }

    private static LocalDate date(ResultSet rs, String c) throws SQLException {
        var d = rs.getDate(c);
        return d == null ? null : d.toLocalDate();
    }

    private static Double dbl(ResultSet rs, String c) throws SQLException {
        double v = rs.getDouble(c);
        return rs.wasNull() ? null : v;
    }

    private static Long lng(ResultSet rs, String c) throws SQLException {
        long v = rs.getLong(c);
        return rs.wasNull() ? null : v;
    }
}
