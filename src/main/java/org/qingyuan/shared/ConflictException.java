package org.qingyuan.shared;

/** The request clashes with the current state (a stale version, an illegal transition); answered as 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String chineseMessage) {
        super(chineseMessage);
    }
}
