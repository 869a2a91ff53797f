package org.qingyuan.organisation.internal;

/** The leading group's office (办公室): where it sits, who directs it, its phone; version 0 when none is recorded. */
public record CampaignOffice(String location, String director, String phone, int version) {

    static final CampaignOffice NONE = new CampaignOffice(null, null, null, 0);
}
