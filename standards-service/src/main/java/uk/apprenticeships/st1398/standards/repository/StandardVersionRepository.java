package uk.apprenticeships.st1398.standards.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import uk.apprenticeships.st1398.standards.domain.StandardVersion;

@ApplicationScoped
public class StandardVersionRepository implements PanacheRepository<StandardVersion> {

    public Optional<StandardVersion> findVersion(String reference, String versionNumber) {
        return find("standard.reference = ?1 and versionNumber = ?2", reference, versionNumber)
                .firstResultOptional();
    }

    /**
     * Serialises catalogue imports across replicas for the rest of the transaction, so two instances starting at
     * once cannot both insert the same seed rows.
     */
    public void lockForImport() {
        getEntityManager()
                .createNativeQuery(
                        "select 1 from (select pg_advisory_xact_lock(hashtext('standards-service.catalogue-import'))) as l")
                .getSingleResult();
    }
}
