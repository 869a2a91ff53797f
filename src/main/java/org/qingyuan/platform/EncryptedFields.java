package org.qingyuan.platform;

/**
 * A module's columns sealed by the {@link FieldCipher}: after a key rotation (and at every start) the platform asks each
 * to seal again what is not sealed under the current key, plain text left by an earlier version included.
 */
public interface EncryptedFields {

    /** What is sealed, for the log: {@code complaint reporters}, {@code TOTP secrets}. */
    String name();

    /** Seals again every value not sealed under the cipher's current key; answers how many values were rewritten. */
    int reencrypt(FieldCipher cipher);
}
