package org.qingyuan.platform;

/**
 * Encryption of personal fields at rest (a reporter's name, phone and ID, a TOTP secret): SM4 (GB/T 32907) in GCM mode
 * with a key kept outside the database. A stored value names the key that sealed it ({@code sm4:<keyId>:<base64>}), so
 * keys can be rotated and old values read until the re-encryption job has sealed them again under the current key.
 */
public interface FieldCipher {

    /** Seals a value under the current key; null stays null. */
    String encrypt(String plain);

    /** Opens a sealed value; null stays null. A value that is not sealed (legacy plain text) is refused. */
    String decrypt(String sealed);

    /** True when the value was sealed by this cipher (any key). */
    boolean isSealed(String value);

    /** True when the value is sealed under the current key (nothing to re-encrypt). */
    boolean isCurrent(String sealed);

    /** The id of the key new values are sealed with. */
    String currentKeyId();
}
