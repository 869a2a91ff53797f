package org.qingyuan.evidence.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;

import org.qingyuan.evidence.EvidenceStorageFullException;
import org.qingyuan.evidence.EvidenceStorageUnavailableException;
import org.qingyuan.platform.Deployment;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Content-addressed objects in an S3-compatible bucket under the filesystem store's addresses
 * ({@code objects/ab/cd/<sm3>}), selected by {@code qingyuan.evidence.store=s3}. An upload is received into a local
 * temporary file first (hashed with SM3), then sent in one signed PUT, which S3 makes visible whole or not at all;
 * every read downloads the object and compares its SM3 with its name. A service that refuses for lack of room answers
 * 507, one that cannot be reached, fails or refuses the credentials answers 503 (the last logged as an error naming the
 * settings to check); nothing of the upload is kept either way.
 */
@Component
@ConditionalOnProperty(name = "qingyuan.evidence.store", havingValue = "s3")
@EnableConfigurationProperties(S3Properties.class)
class S3ObjectStore implements ObjectStore {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(S3ObjectStore.class);

    private final S3Client s3;
    private final Staging staging;

    @org.springframework.beans.factory.annotation.Autowired
    S3ObjectStore(Deployment deployment, EvidenceProperties evidence, S3Properties properties, Clock clock) {
        this(new S3Client(properties, clock), new Staging(deployment.dataDir().resolve("evidence"), evidence.minFreeBytes()));
    }

    S3ObjectStore(S3Client s3, Staging staging) {
        this.s3 = s3;
        this.staging = staging;
    }

    static String key(String sm3) {
        return "objects/" + sm3.substring(0, 2) + "/" + sm3.substring(2, 4) + "/" + sm3;
    }

    @Override
    public Received receive(InputStream in, long limit) throws IOException {
        return staging.receive(in, limit);
    }

    @Override
    public void keep(Received received) throws IOException {
        try {
            if (s3.head(key(received.sm3())) < 0) {
                s3.put(key(received.sm3()), received.file());
            }
        } catch (IOException e) {
            throw failed(e);
        } finally {
            Files.deleteIfExists(received.file());
        }
    }

    @Override
    public String put(byte[] bytes) {
        String sm3 = Staging.sm3(bytes);
        try {
            if (s3.head(key(sm3)) < 0) {
                s3.put(key(sm3), bytes);
            }
        } catch (IOException e) {
            throw failed(e);
        }
        return sm3;
    }

    @Override
    public boolean intact(String sm3) {
        try {
            InputStream in = s3.get(key(sm3));
            return in != null && Staging.sm3(in).equals(sm3);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    @Override
    public InputStream open(String sm3) {
        try {
            InputStream in = s3.get(key(sm3));
            if (in == null) {
                throw new UncheckedIOException(new IOException("object " + key(sm3) + " is gone"));
            }
            return in;
        } catch (IOException e) {
            throw failed(e);
        }
    }

    @Override
    public long size(String sm3) {
        try {
            return s3.head(key(sm3));
        } catch (IOException e) {
            throw failed(e);
        }
    }

    /** Lack of room (507 or the service's "full"/"quota" codes) → 507; anything else → 503. */
    static RuntimeException failed(IOException e) {
        if (e instanceof S3Client.S3Exception s3 && (s3.status == 507 || full(s3.getMessage()))) {
            return new EvidenceStorageFullException(e);
        }
        if (e instanceof S3Client.S3Exception s3 && (s3.status == 401 || s3.status == 403)) {
            log.error("Evidence store S3 refused the request's signature or rights ({}): check qingyuan.evidence.s3.access-key, "
                    + "secret-key and region, the account's rights on the bucket, and this node's clock", e.getMessage());
            return new EvidenceStorageUnavailableException(e);
        }
        log.warn("Evidence store S3 failed: {}", e.toString());
        return new EvidenceStorageUnavailableException(e);
    }

    private static boolean full(String message) {
        return message != null && (message.contains("StorageFull") || message.contains("QuotaExceeded")
                || message.contains("InsufficientStorage") || message.contains("No space left"));
    }
}
