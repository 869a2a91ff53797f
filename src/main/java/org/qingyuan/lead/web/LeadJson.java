package org.qingyuan.lead.web;

import java.time.Instant;

import org.qingyuan.lead.Lead;

/** A lead as the API shows it. */
record LeadJson(long id, String town, String divisionCode, String source, String sourceName, String sourceRef, String name,
                String address, Double longitude, Double latitude, String description, Instant reportedAt, String reportedBy,
                String reporterName, String state, String stateName, Long enterpriseId, String decisionReason,
                Instant decidedAt, String decidedBy, int version, String link) {

    static LeadJson of(Lead l) {
        return new LeadJson(l.id(), l.town().value(), l.division().value(), l.source().name(), l.source().label(), l.sourceRef(),
                l.name(), l.address(), l.longitude(), l.latitude(), l.description(), l.reportedAt(), l.reportedBy(),
                l.reporterName(), l.state().name(), l.state().label(), l.enterpriseId(), l.decisionReason(), l.decidedAt(),
                l.decidedBy(), l.version(), "/leads/" + l.id());
    }
}
