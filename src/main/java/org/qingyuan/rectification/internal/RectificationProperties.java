package org.qingyuan.rectification.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the rectification cases ({@code qingyuan.rectification.*}).
 *
 * @param maxPhotoDistanceM how far from the enterprise's coordinates an evidence photo may be taken before it is flagged
 * @param photoToleranceMinutes how far a photo's EXIF time may lie after the upload (camera clocks drift) before it is flagged
 * @param reminderWorkingDays responsible persons are reminded this many working days before each deadline
 * @param escalationWorkingDays an escalated measure's deadline, in working days from the escalation (the plans name none)
 * @param dueSoonDays the board's "due soon" list looks this many days ahead
 * @param sweepCron when the daily sweep runs (China time)
 */
@ConfigurationProperties("qingyuan.rectification")
public record RectificationProperties(@DefaultValue("300") int maxPhotoDistanceM,
                                      @DefaultValue("10") int photoToleranceMinutes,
                                      @DefaultValue("3") int reminderWorkingDays,
                                      @DefaultValue("15") int escalationWorkingDays,
                                      @DefaultValue("14") int dueSoonDays,
                                      @DefaultValue("0 30 1 * * *") String sweepCron) {
}
