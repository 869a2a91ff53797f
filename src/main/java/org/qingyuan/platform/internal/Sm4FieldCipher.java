package org.qingyuan.platform.internal;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.qingyuan.platform.FieldCipher;

/** SM4-GCM (Bouncy Castle) over the key ring: {@code sm4:<keyId>:<base64(iv ‖ ciphertext ‖ tag)>}, the key id bound as AAD. */
final class Sm4FieldCipher implements FieldCipher {

    static final String PREFIX = "sm4:";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyRing ring;

    Sm4FieldCipher(KeyRing ring) {
        this.ring = ring;
    }

    @Override
    public String encrypt(String plain) {
        if (plain == null) {
            return null;
        }
        String keyId = ring.current();
        byte[] iv = new byte[12];
        RANDOM.nextBytes(iv);
        byte[] sealed = run(true, keyId, iv, plain.getBytes(StandardCharsets.UTF_8));
        byte[] out = new byte[iv.length + sealed.length];
        System.arraycopy(iv, 0, out, 0, iv.length);
        System.arraycopy(sealed, 0, out, iv.length, sealed.length);
        return PREFIX + keyId + ":" + Base64.getEncoder().encodeToString(out);
    }

    @Override
    public String decrypt(String sealed) {
        if (sealed == null) {
            return null;
        }
        if (!isSealed(sealed)) {
            throw new IllegalArgumentException("not a sealed value");
        }
        int colon = sealed.indexOf(':', PREFIX.length());
        String keyId = sealed.substring(PREFIX.length(), colon);
        byte[] all = Base64.getDecoder().decode(sealed.substring(colon + 1));
        byte[] iv = java.util.Arrays.copyOf(all, 12);
        byte[] body = java.util.Arrays.copyOfRange(all, 12, all.length);
        return new String(run(false, keyId, iv, body), StandardCharsets.UTF_8);
    }

    @Override
    public boolean isSealed(String value) {
        return value != null && value.startsWith(PREFIX) && value.indexOf(':', PREFIX.length()) > 0;
    }

    @Override
    public boolean isCurrent(String sealed) {
        return isSealed(sealed) && sealed.startsWith(PREFIX + ring.current() + ":");
    }

    @Override
    public String currentKeyId() {
        return ring.current();
    }

    private byte[] run(boolean encrypt, String keyId, byte[] iv, byte[] input) {
        GCMModeCipher gcm = GCMBlockCipher.newInstance(new SM4Engine());
        gcm.init(encrypt, new AEADParameters(new KeyParameter(ring.key(keyId)), 128, iv, keyId.getBytes(StandardCharsets.US_ASCII)));
        byte[] out = new byte[gcm.getOutputSize(input.length)];
        int n = gcm.processBytes(input, 0, input.length, out, 0);
        try {
            n += gcm.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("a sealed field does not open with key " + keyId + " (changed or wrong key)", e);
        }
        return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    }
}
