package org.qingyuan.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.qingyuan.shared.DivisionCode;

/**
 * The policies of the deployment: every registered version (never changed once registered), the
 * active one, the zones of divisions, and classification. This is what the ledger calls.
 */
public interface Policies {

    /** Every policy by its latest version, the active one marked. */
    List<PolicySummary> list();

    /** The latest version of a policy. @throws org.qingyuan.shared.NotFoundException in Chinese */
    Policy get(String id);

    /** One version of a policy. @throws org.qingyuan.shared.NotFoundException in Chinese */
    Policy get(String id, int version);

    /** The policy version in force, if one is active. */
    Optional<Policy> active();

    /**
     * Classifies an enterprise under the active policy. Its zone is {@code zoneOverride} when given
     * (一企一策: set per enterprise), else the zone of its division (see {@link #zoneOf}).
     *
     * @throws org.qingyuan.shared.ConflictException when no policy is active
     */
    Classification classify(Facts facts, DivisionCode division, String zoneOverride, LocalDate noticeDate);

    /** Classifies under a given policy version, zone given directly (the API's evaluations). */
    Classification evaluate(String policyId, int version, Facts facts, String zone, LocalDate noticeDate);

    /**
     * The zone of a division under a policy: the assignment or policy-file entry of the division
     * itself or of its nearest enclosing division; an administrator's assignment wins at equal level.
     */
    Optional<String> zoneOf(String policyId, DivisionCode division);

    /** The zone assignments of a policy: from its file and by administrators. */
    List<ZoneAssignment> zoneAssignments(String policyId);

    /** Places a division in a zone of a policy (or, with a null zone, removes the administrator's assignment). */
    ZoneAssignment assignZone(String policyId, DivisionCode division, String zone, String assignedBy);

    /**
     * Registers a policy file as a new version.
     *
     * @throws PolicyFormatException when malformed (line and reason)
     * @throws org.qingyuan.shared.ConflictException when that version exists with a different content
     */
    Policy register(String content, String registeredBy);

    /** Makes a policy version the active one; publishes {@link PolicyActivated}. */
    Policy activate(String policyId, int version, String activatedBy);

    /** What would change for these enterprises if this version were active (nothing is changed). */
    PreviewReport preview(String policyId, int version, List<PreviewInput> inputs, LocalDate noticeDate);

    /**
     * The same comparison over the real enterprises inside {@code within}, as the deployment's
     * {@link PreviewPopulation} (the ledger) supplies them; nothing is changed.
     *
     * @param sampleLimit how many changes to list at most (all are counted)
     */
    PopulationPreview previewPopulation(String policyId, int version, DivisionCode within, LocalDate noticeDate, int sampleLimit);
}
