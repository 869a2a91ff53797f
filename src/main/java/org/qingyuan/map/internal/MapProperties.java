package org.qingyuan.map.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the map ({@code qingyuan.map.*}).
 *
 * @param tileUrl the base map's tile URL template ({@code https://tiles.example/{z}/{x}/{y}.png}, an intranet tile
 *                server, 天地图 with its key, OpenStreetMap); blank: no tiles, the district's shipped outline on a plain
 *                background (works without network)
 * @param attribution the base map's attribution shown in the corner (required by most tile providers)
 * @param maxZoom the highest zoom the tile server serves
 * @param pointLimit at most this many single markers in one answer; more in the view are grouped into cells
 * @param dueSoonDays an open case whose deadline falls within this many days counts as due soon
 */
@ConfigurationProperties("qingyuan.map")
public record MapProperties(@DefaultValue("") String tileUrl,
                            @DefaultValue("") String attribution,
                            @DefaultValue("18") int maxZoom,
                            @DefaultValue("2000") int pointLimit,
                            @DefaultValue("7") int dueSoonDays) {

    /** True when a tile server is configured. */
    public boolean tiles() {
        return tileUrl != null && !tileUrl.isBlank();
    }
}
