package uk.apprenticeships.st1398.assessment.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import uk.apprenticeships.st1398.assessment.domain.Certificate;
import uk.apprenticeships.st1398.assessment.domain.CertificateStatus;
import uk.apprenticeships.st1398.platform.api.PageRequest;

@ApplicationScoped
public class CertificateRepository implements PanacheRepository<Certificate> {

    /** What a list may be narrowed to; null members mean "any". The tenant fields come from the caller's token. */
    public record Filter(
            String epaoId, String providerUkprn, CertificateStatus status, String standardReference, String uln) {}

    public Optional<Certificate> findByReference(String reference) {
        return find("reference", reference).firstResultOptional();
    }

    /** The next never-used certificate reference (8 digits, zero-padded). */
    public String nextReference() {
        Number next = (Number) getEntityManager()
                .createNativeQuery("select nextval('certificate_reference_seq')")
                .getSingleResult();
        return String.format("%08d", next.longValue());
    }

    /**
     * Whether the learner already has a live (not cancelled or deleted) certificate for this standard from this
     * organisation. Another organisation's certificate is never looked at, so nothing reveals it.
     */
    public boolean liveCertificateExists(String uln, String standardReference, String epaoId, Long exceptId) {
        return count(
                        "uln = ?1 and standardReference = ?2 and status not in ?3 and id <> ?4"
                                + " and organisation.epaoId = ?5",
                        uln,
                        standardReference,
                        List.of(CertificateStatus.Cancelled, CertificateStatus.Deleted),
                        exceptId == null ? -1L : exceptId,
                        epaoId)
                > 0;
    }

    /** The learner's live (not cancelled or deleted) certificate for this standard from this organisation. */
    public Optional<Certificate> live(String uln, String standardReference, String epaoId) {
        return find(
                        "uln = ?1 and standardReference = ?2 and status not in ?3 and organisation.epaoId = ?4",
                        uln,
                        standardReference,
                        List.of(CertificateStatus.Cancelled, CertificateStatus.Deleted),
                        epaoId)
                .firstResultOptional();
    }

    public List<Certificate> search(Filter filter, PageRequest page) {
        return query(filter).page(page.page(), page.size()).list();
    }

    public long count(Filter filter) {
        return query(filter).count();
    }

    private PanacheQuery<Certificate> query(Filter f) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (f.epaoId() != null) {
            where.add("organisation.epaoId = :epaoId");
            params.and("epaoId", f.epaoId());
        }
        if (f.providerUkprn() != null) {
            where.add("providerUkprn = :ukprn");
            params.and("ukprn", f.providerUkprn());
        }
        if (f.status() != null) {
            where.add("status = :status");
            params.and("status", f.status());
        }
        if (f.standardReference() != null) {
            where.add("standardReference = :standard");
            params.and("standard", f.standardReference());
        }
        if (f.uln() != null) {
            where.add("uln = :uln");
            params.and("uln", f.uln());
        }
        Sort sort = Sort.by("reference");
        return where.isEmpty() ? findAll(sort) : find(String.join(" and ", where), sort, params);
    }
}
