package org.qingyuan.statistics.web;

import org.qingyuan.statistics.Figure;
import org.qingyuan.statistics.Tally;
import org.springframework.web.util.UriComponentsBuilder;

/** The link from a figure to the list of enterprises behind it (the page {@code /statistics/enterprises}). */
final class StatisticsLinks {

    private StatisticsLinks() {
    }

    static String enterprises(Tally tally, String key, Figure figure) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/statistics/enterprises")
                .queryParam("division", tally.division().value()).queryParam("asOf", tally.asOf())
                .queryParam("from", tally.from()).queryParam("by", tally.by().parameter());
        if (key != null) {
            b.queryParam("key", key);
        }
        if (figure != Figure.TOTAL) {
            b.queryParam("figure", figure.parameter());
        }
        return b.build().encode().toUriString();
    }
}
