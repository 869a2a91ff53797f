package org.qingyuan.platform.internal;

import java.nio.file.Path;
import java.util.List;

import org.qingyuan.platform.EncryptedFields;
import org.qingyuan.platform.FieldCipher;
import org.qingyuan.platform.FieldKeys;
import org.qingyuan.platform.QingyuanProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * The field cipher and its key rotation. At every start the values not sealed under the current key (plain text left by
 * an earlier version, values of a rotated key) are sealed again; {@code qingyuan.field-cipher.rotate-on-start} first
 * adds a new key.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FieldCipherProperties.class)
class FieldCipherConfiguration {

    private static final Logger log = LoggerFactory.getLogger(FieldCipherConfiguration.class);

    @Bean
    KeyRing fieldKeyRing(FieldCipherProperties properties, QingyuanProperties qingyuan) {
        Path file = properties.keyFile() != null ? properties.keyFile()
                : qingyuan.dataDir().resolve("keys").resolve("field-cipher.keys");
        return new KeyRing(file);
    }

    @Bean
    FieldCipher fieldCipher(KeyRing ring) {
        return new Sm4FieldCipher(ring);
    }

    @Bean
    FieldKeys fieldKeys(KeyRing ring, FieldCipher cipher, ObjectProvider<EncryptedFields> fields) {
        return new FieldKeys() {
            @Override
            public String rotate() {
                String id = ring.add();
                log.info("Field cipher: new current key {}", id);
                reencryptAll();
                return id;
            }

            @Override
            public int reencryptAll() {
                int total = 0;
                for (EncryptedFields f : fields.orderedStream().toList()) {
                    int n = f.reencrypt(cipher);
                    if (n > 0) {
                        log.info("Field cipher: {} {} sealed under key {}", n, f.name(), cipher.currentKeyId());
                    }
                    total += n;
                }
                return total;
            }
        };
    }

    @Bean
    FieldKeysAtStart fieldKeysAtStart(FieldKeys keys, FieldCipherProperties properties) {
        return new FieldKeysAtStart(keys, properties.rotateOnStart());
    }

    /** Rotates when asked, then seals what is left unsealed. */
    record FieldKeysAtStart(FieldKeys keys, boolean rotate) {
        @EventListener(ApplicationReadyEvent.class)
        public void atStart() {
            if (rotate) {
                keys.rotate();
            } else {
                keys.reencryptAll();
            }
        }
    }
}
