package org.qingyuan.evidence.internal;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The S3-compatible object store used when {@code qingyuan.evidence.store=s3}, bound from {@code qingyuan.evidence.s3.*}.
 * Objects are addressed path-style ({@code <endpoint>/<bucket>/objects/ab/cd/<sm3>}) and signed with AWS Signature V4.
 *
 * @param endpoint the service's base URL, e.g. {@code https://oss-cn-beijing.aliyuncs.com} or {@code http://127.0.0.1:9000}
 * @param bucket the bucket holding the objects; it must exist (the application does not create it)
 * @param region the signing region (default {@code us-east-1}, which MinIO and most compatible services accept)
 * @param accessKey the access key id of an account that may GET, HEAD and PUT objects in the bucket
 * @param secretKey the secret of that access key (give it through the environment, never in a committed file)
 */
@ConfigurationProperties("qingyuan.evidence.s3")
record S3Properties(URI endpoint, String bucket, @DefaultValue("us-east-1") String region, String accessKey, String secretKey) {

    /** Fails at start with the name of the first setting missing. */
    S3Properties requireComplete() {
        String missing = endpoint == null ? "endpoint" : blank(bucket) ? "bucket" : blank(accessKey) ? "access-key"
                : blank(secretKey) ? "secret-key" : null;
        if (missing != null) {
            throw new IllegalStateException("qingyuan.evidence.store=s3 needs qingyuan.evidence.s3." + missing);
        }
        return this;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
