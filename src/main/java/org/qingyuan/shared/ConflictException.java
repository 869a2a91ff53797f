package org.qingyuan.shared;

import java.util.Map;

/**
 * The request clashes with the current state (a stale version, an illegal transition); answered as 409.
 * Extra {@link #properties()} (e.g. the current version and what changed since) go into the problem body.
 */
public class ConflictException extends RuntimeException {

    private final Map<String, Object> properties;

    public ConflictException(String chineseMessage) {
        this(chineseMessage, Map.of());
    }

    public ConflictException(String chineseMessage, Map<String, Object> properties) {
        super(chineseMessage);
        this.properties = Map.copyOf(properties);
    }

    /** Further members of the problem body. */
    public Map<String, Object> properties() {
        return properties;
    }
}
