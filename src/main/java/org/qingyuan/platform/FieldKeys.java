package org.qingyuan.platform;

/** Key rotation of the {@link FieldCipher}: a new current key, then every {@link EncryptedFields} sealed again under it. */
public interface FieldKeys {

    /** Adds a new key, makes it current and re-encrypts every module's sealed fields; answers the new key's id. */
    String rotate();

    /** Re-encrypts what is not sealed under the current key (also run at every start); answers how many values. */
    int reencryptAll();
}
