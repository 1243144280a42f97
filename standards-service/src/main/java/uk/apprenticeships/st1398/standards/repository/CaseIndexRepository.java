package uk.apprenticeships.st1398.standards.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Light projections (ids and keys only, no texts) that let the CASE export find which version an identifier
 * belongs to before it loads that one version.
 */
@ApplicationScoped
public class CaseIndexRepository {

    public record VersionKey(long versionId, String reference, String versionNumber) {
        public String key() {
            return reference + "_" + versionNumber;
        }
    }

    /** An item of a version: a KSB or a duty. */
    public record ItemRef(UUID itemId, long versionId) {}

    /** A duty-to-KSB link of a version whose source gives the mapping. */
    public record LinkRef(UUID dutyId, UUID ksbId, long versionId) {}

    private final EntityManager em;

    public CaseIndexRepository(EntityManager em) {
        this.em = em;
    }

    public List<VersionKey> versionKeys() {
        return em.createQuery(
                        "select new " + VersionKey.class.getName()
                                + "(v.id, v.standard.reference, v.versionNumber) from StandardVersion v",
                        VersionKey.class)
                .getResultList();
    }

    public Optional<Long> versionOfItem(UUID itemId) {
        List<Long> ksb = em.createQuery("select k.version.id from Ksb k where k.id = :id", Long.class)
                .setParameter("id", itemId)
                .getResultList();
        if (!ksb.isEmpty()) {
            return Optional.of(ksb.get(0));
        }
        return em.createQuery("select d.version.id from Duty d where d.id = :id", Long.class)
                .setParameter("id", itemId)
                .getResultStream()
                .findFirst();
    }

    public List<ItemRef> items() {
        List<ItemRef> ksbs = em.createQuery(
                        "select new " + ItemRef.class.getName() + "(k.id, k.version.id) from Ksb k", ItemRef.class)
                .getResultList();
        List<ItemRef> duties = em.createQuery(
                        "select new " + ItemRef.class.getName() + "(d.id, d.version.id) from Duty d", ItemRef.class)
                .getResultList();
        return java.util.stream.Stream.concat(ksbs.stream(), duties.stream()).toList();
    }

    public List<LinkRef> dutyKsbLinks() {
        return em.createQuery(
                        "select new " + LinkRef.class.getName()
                                + "(d.id, k.id, d.version.id) from Duty d join d.ksbs k where d.ksbMappingKnown = true",
                        LinkRef.class)
                .getResultList();
    }
}
