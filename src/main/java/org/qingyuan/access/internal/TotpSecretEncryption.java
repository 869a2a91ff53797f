package org.qingyuan.access.internal;

import org.qingyuan.platform.EncryptedFields;
import org.qingyuan.platform.FieldCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The TOTP secrets of {@code app_user}, sealed by the field cipher: secrets written in plain text by earlier versions
 * and secrets of a rotated key are sealed again under the current key (at start and after a rotation).
 */
@Component
class TotpSecretEncryption implements EncryptedFields {

    private final JdbcClient jdbc;

    TotpSecretEncryption(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "TOTP secrets";
    }

    @Override
    @Transactional
    public int reencrypt(FieldCipher cipher) {
        int n = 0;
        for (var row : jdbc.sql("SELECT id, totp_secret FROM app_user WHERE totp_secret IS NOT NULL FOR UPDATE")
                .query((rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)}).list()) {
            String stored = (String) row[1];
            if (cipher.isCurrent(stored)) {
                continue;
            }
            String plain = cipher.isSealed(stored) ? cipher.decrypt(stored) : stored;
            // not through Accounts.setTotpSecret: a re-encryption is no change of the account (its version stays)
            n += jdbc.sql("UPDATE app_user SET totp_secret = :s WHERE id = :id").param("s", cipher.encrypt(plain))
                    .param("id", row[0]).update();
        }
        return n;
    }
}
