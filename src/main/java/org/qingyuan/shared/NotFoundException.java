package org.qingyuan.shared;

/** The object does not exist or lies outside the caller's jurisdiction; answered as 404 either way. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String chineseMessage) {
        super(chineseMessage);
    }
}
