package org.qingyuan.access.internal;

/** An administrator tried what the separation of the three administrators forbids; answered as 403. */
public class SeparationOfDutiesException extends RuntimeException {

    public SeparationOfDutiesException(String chineseMessage) {
        super(chineseMessage);
    }
}
