package org.qingyuan.shell.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of every request, bound from {@code qingyuan.web.*}. Uploads (multipart) keep their own limits
 * ({@code spring.servlet.multipart.*}, {@code qingyuan.evidence.*}, {@code qingyuan.sheets.*}).
 *
 * @param maxBodySize the largest body of a request that is not multipart (JSON, forms, YAML), refused with 413
 *        before it is read (default 2MB)
 */
@ConfigurationProperties("qingyuan.web")
record WebLimits(@DefaultValue("2MB") DataSize maxBodySize) {
}
