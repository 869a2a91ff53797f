package org.qingyuan.complaint.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Configuration;

/**
 * Complaints ({@code qingyuan.complaint.*}).
 *
 * @param workingDays working days a town has to verify and decide a complaint handed to it
 * @param contactRetention how long a reporter's contact is kept after the reply; then the sweep deletes it
 * @param perAddressPerHour public submissions (page and Open311) accepted per client IP address per hour
 * @param perClientPerHour public submissions accepted per client (browser cookie or Open311 device_id) per hour
 * @param challengeBits leading zero bits the public form's proof of work must find (SHA-256)
 * @param challengeTtl how long an issued challenge may be answered
 * @param maxPhotos photos a public complaint may carry
 * @param maxPhotoBytes size of one public photo
 * @param publicBaseUrl the address printed under the QR code of a closed-out site's notice (empty: the request's own)
 */
@ConfigurationProperties("qingyuan.complaint")
public record ComplaintProperties(@DefaultValue("5") int workingDays, @DefaultValue("P180D") Duration contactRetention,
                                  @DefaultValue("10") int perAddressPerHour, @DefaultValue("5") int perClientPerHour,
                                  @DefaultValue("16") int challengeBits, @DefaultValue("PT30M") Duration challengeTtl,
                                  @DefaultValue("3") int maxPhotos, @DefaultValue("5242880") long maxPhotoBytes,
                                  String publicBaseUrl) {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ComplaintProperties.class)
    static class Enable {
    }
}
