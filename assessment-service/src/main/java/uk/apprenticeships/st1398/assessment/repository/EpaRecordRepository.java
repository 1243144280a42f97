package uk.apprenticeships.st1398.assessment.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import uk.apprenticeships.st1398.assessment.domain.EpaRecord;

@ApplicationScoped
public class EpaRecordRepository implements PanacheRepositoryBase<EpaRecord, UUID> {

    private static final String STANDING = "not exists (select 1 from EpaRecord n where n.replacesId = r.id)";

    /** The assessment's live EPA record: standing (nothing replaces it) and not a deletion. */
    public Optional<EpaRecord> live(UUID assessmentId) {
        return find(
                        "from EpaRecord r where r.assessment.id = ?1 and r.action <> 'Deleted' and " + STANDING
                                + " order by r.recorded.at desc",
                        assessmentId)
                .firstResultOptional();
    }

    /** The standing record of this reference (possibly a deletion), if the reference belongs to the assessment. */
    public Optional<EpaRecord> standing(UUID assessmentId, String epaReference) {
        return find(
                        "from EpaRecord r where r.assessment.id = ?1 and r.epaReference = ?2 and " + STANDING,
                        assessmentId,
                        epaReference)
                .firstResultOptional();
    }

    /** The next never-used EPA reference (8 digits, zero-padded). */
    public String nextReference() {
        Number next = (Number) getEntityManager()
                .createNativeQuery("select nextval('epa_reference_seq')")
                .getSingleResult();
        return String.format("%08d", next.longValue());
    }
}
