package org.qingyuan.notification.internal;

import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;

import org.qingyuan.access.RoleHolders;
import org.qingyuan.notification.Inbox;
import org.qingyuan.notification.Notice;
import org.qingyuan.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcInbox implements Inbox {

    private final JdbcClient jdbc;
    private final RoleHolders roleHolders;

    JdbcInbox(JdbcClient jdbc, RoleHolders roleHolders) {
        this.jdbc = jdbc;
        this.roleHolders = roleHolders;
    }

    @Override
    @Transactional
    public int deliver(Collection<String> recipients, Notice notice) {
        int delivered = 0;
        for (String recipient : recipients) {
            delivered += jdbc.sql("""
                            INSERT INTO notification (recipient, kind, title, body, link, dedup_key)
                            VALUES (:recipient, :kind, :title, :body, :link, :dedup)
                            ON CONFLICT (recipient, dedup_key) WHERE dedup_key IS NOT NULL DO NOTHING
                            """)
                    .param("recipient", recipient).param("kind", notice.kind()).param("title", notice.title())
                    .param("body", notice.body() == null ? "" : notice.body()).param("link", notice.link())
                    .param("dedup", notice.dedupKey()).update();
        }
        return delivered;
    }

    @Override
    @Transactional
    public int deliverToRoles(Collection<String> roleCodes, String divisionCode, Notice notice) {
        return deliver(roleHolders.covering(roleCodes, divisionCode), notice);
    }

    @Override
    public long unread(String recipient) {
        return jdbc.sql("SELECT count(*) FROM notification WHERE recipient = :r AND read_at IS NULL")
                .param("r", recipient).query(Long.class).single();
    }

    @Override
    public List<Message> messages(String recipient, int limit) {
        return jdbc.sql("SELECT * FROM notification WHERE recipient = :r ORDER BY id DESC LIMIT :limit")
                .param("r", recipient).param("limit", limit)
                .query((rs, i) -> new Message(rs.getLong("id"), rs.getString("kind"), rs.getString("title"),
                        rs.getString("body"), rs.getString("link"), rs.getTimestamp("created_at").toInstant(),
                        instant(rs.getTimestamp("read_at"))))
                .list();
    }

    @Override
    @Transactional
    public void markRead(String recipient, long id) {
        int updated = jdbc.sql("UPDATE notification SET read_at = coalesce(read_at, now()) WHERE id = :id AND recipient = :r")
                .param("id", id).param("r", recipient).update();
        if (updated == 0) {
            throw new NotFoundException("消息不存在");
        }
    }

    @Override
    @Transactional
    public void markAllRead(String recipient) {
        jdbc.sql("UPDATE notification SET read_at = now() WHERE recipient = :r AND read_at IS NULL").param("r", recipient).update();
    }

    private static java.time.Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
