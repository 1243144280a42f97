package uk.apprenticeships.st1398.assessment.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import uk.apprenticeships.st1398.assessment.domain.CertificateHistory;

@ApplicationScoped
public class CertificateHistoryRepository implements PanacheRepository<CertificateHistory> {

    public List<CertificateHistory> forCertificate(Long certificateId) {
        return list("certificateId", Sort.by("id"), certificateId);
    }
}
