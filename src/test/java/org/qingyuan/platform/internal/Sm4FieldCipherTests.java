package org.qingyuan.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SM4 field cipher: sealed values open again, differ each time, refuse tampering, and survive a key rotation. */
class Sm4FieldCipherTests {

    @TempDir Path dir;

    @Test
    void aValueSealedUnderTheKeyFileOpensAgainAndTheFileIsReadableByItsOwnerOnly() throws Exception {
        Path file = dir.resolve("keys/field-cipher.keys");
        var cipher = new Sm4FieldCipher(new KeyRing(file));
        String a = cipher.encrypt("13812341234");
        String b = cipher.encrypt("13812341234");
        assertThat(a).startsWith("sm4:" + cipher.currentKeyId() + ":").isNotEqualTo(b).doesNotContain("1381234");
        assertThat(cipher.decrypt(a)).isEqualTo("13812341234");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        // a second start reads the same key
        assertThat(new Sm4FieldCipher(new KeyRing(file)).decrypt(a)).isEqualTo("13812341234");
    }

    @Test
    void aChangedValueOrAnotherKeyFileIsRefused() {
        var cipher = new Sm4FieldCipher(new KeyRing(dir.resolve("a.keys")));
        String sealed = cipher.encrypt("张三");
        int at = sealed.length() - 12;
        String tampered = sealed.substring(0, at) + (sealed.charAt(at) == 'A' ? 'B' : 'A') + sealed.substring(at + 1);
        assertThatThrownBy(() -> cipher.decrypt(tampered)).isInstanceOf(IllegalStateException.class);
        var other = new Sm4FieldCipher(new KeyRing(dir.resolve("b.keys")));
        assertThatThrownBy(() -> other.decrypt(sealed)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.decrypt("JBSWY3DPEHPK3PXP")).isInstanceOf(IllegalArgumentException.class);
        assertThat(cipher.isSealed("JBSWY3DPEHPK3PXP")).isFalse();
    }

    @Test
    void afterARotationOldValuesStillOpenAndNewOnesUseTheNewKey() {
        Path file = dir.resolve("r.keys");
        KeyRing ring = new KeyRing(file);
        var cipher = new Sm4FieldCipher(ring);
        String old = cipher.encrypt("410108199001011234");
        String oldKey = cipher.currentKeyId();
        String newKey = ring.add();
        assertThat(newKey).isNotEqualTo(oldKey);
        assertThat(cipher.isCurrent(old)).isFalse();
        assertThat(cipher.decrypt(old)).isEqualTo("410108199001011234");
        assertThat(cipher.encrypt("x")).startsWith("sm4:" + newKey + ":");
        assertThat(new Sm4FieldCipher(new KeyRing(file)).decrypt(old)).isEqualTo("410108199001011234");
    }
}
