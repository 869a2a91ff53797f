package org.qingyuan.access.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * The sessions of the platform's session store, whose last access is recorded in steps: a request moves it only when
 * the step has passed since the recorded one. Every request otherwise wrote its session's row (a transaction with a
 * durable commit) to move the last access by the time since the previous request; now a signed-in user's requests
 * write nothing to the session store within a step unless the session itself changes. The idle timeout therefore counts
 * from the last recorded access: a session may end up to one step earlier than counted from its very last request,
 * never later. The absolute timeout ({@link SignInGate}) is unaffected.
 */
final class SteppedSessions implements FindByIndexNameSessionRepository<SteppedSessions.Stepped> {

    private final FindByIndexNameSessionRepository<Session> store;
    private final Duration step;

    @SuppressWarnings("unchecked")
    SteppedSessions(FindByIndexNameSessionRepository<? extends Session> store, Duration step) {
        this.store = (FindByIndexNameSessionRepository<Session>) store;
        this.step = step;
    }

    @Override
    public Stepped createSession() {
        return new Stepped(store.createSession(), step);
    }

    @Override
    public void save(Stepped session) {
        store.save(session.stored);
    }

    @Override
    public Stepped findById(String id) {
        Session found = store.findById(id);
        return found == null ? null : new Stepped(found, step);
    }

    @Override
    public void deleteById(String id) {
        store.deleteById(id);
    }

    @Override
    public Map<String, Stepped> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        Map<String, Stepped> found = new LinkedHashMap<>();
        store.findByIndexNameAndIndexValue(indexName, indexValue).forEach((id, s) -> found.put(id, new Stepped(s, step)));
        return found;
    }

    /** A stored session whose last access moves only by whole steps. */
    static final class Stepped implements Session {

        private final Session stored;
        private final Duration step;

        Stepped(Session stored, Duration step) {
            this.stored = stored;
            this.step = step;
        }

        @Override
        public void setLastAccessedTime(Instant at) {
            Instant recorded = stored.getLastAccessedTime();
            if (recorded == null || !at.isBefore(recorded.plus(step))) {
                stored.setLastAccessedTime(at);
            }
        }

        @Override
        public String getId() {
            return stored.getId();
        }

        @Override
        public String changeSessionId() {
            return stored.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String name) {
            return stored.getAttribute(name);
        }

        @Override
        public Set<String> getAttributeNames() {
            return stored.getAttributeNames();
        }

        @Override
        public void setAttribute(String name, Object value) {
            stored.setAttribute(name, value);
        }

        @Override
        public void removeAttribute(String name) {
            stored.removeAttribute(name);
        }

        @Override
        public Instant getCreationTime() {
            return stored.getCreationTime();
        }

        @Override
        public Instant getLastAccessedTime() {
            return stored.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            stored.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return stored.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return stored.isExpired();
        }
    }
}
