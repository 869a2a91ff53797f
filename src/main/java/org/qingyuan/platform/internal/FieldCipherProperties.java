package org.qingyuan.platform.internal;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The field cipher's key file ({@code qingyuan.field-cipher.*}).
 *
 * @param keyFile the key file; empty means {@code <data dir>/keys/field-cipher.keys}, created (mode 0600) on first start.
 *                Several nodes must point at the same file (or copies of it)
 * @param rotateOnStart add a new key at start, make it current and re-encrypt every sealed field under it
 */
@ConfigurationProperties("qingyuan.field-cipher")
public record FieldCipherProperties(Path keyFile, @DefaultValue("false") boolean rotateOnStart) {
}
