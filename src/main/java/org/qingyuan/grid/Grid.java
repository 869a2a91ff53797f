package org.qingyuan.grid;

import java.util.List;

/**
 * A grid (网格) below a village.
 *
 * @param boundary the boundary as a GeoJSON geometry (Polygon or MultiPolygon, WGS-84), or null when there is none
 * @param members the user names of its grid members
 * @param enterprises how many ledger enterprises belong to it
 */
public record Grid(long id, String villageCode, String villageName, String name, String boundary, List<String> members,
                   int enterprises, int version) {

    public boolean bounded() {
        return boundary != null;
    }

    /** 金河村 · 一网格. */
    public String label() {
        return villageName + " · " + name;
    }
}
