package org.qingyuan.complaint;

/** How a complaint came in. */
public enum Channel {
    /** The public page. */
    WEB("网上举报"),
    /** A call to the hotline, recorded by an officer. */
    HOTLINE("电话举报"),
    /** A citizen app through the Open311 GeoReport v2 API. */
    OPEN311("第三方应用"),
    /** A batch from the 12369 environmental hotline platform. */
    IMPORT_12369("12369平台"),
    /** "It is producing again" on a closed-out site's public notice. */
    REBOUND("销号公示反映");

    private final String label;

    Channel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
