package uk.apprenticeships.st1398.standards.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import uk.apprenticeships.st1398.platform.api.PageRequest;
import uk.apprenticeships.st1398.standards.domain.StandardVersion;

@ApplicationScoped
public class StandardVersionRepository implements PanacheRepository<StandardVersion> {

    public Optional<StandardVersion> findVersion(String reference, String versionNumber) {
        return find("standard.reference = ?1 and versionNumber = ?2", reference, versionNumber)
                .firstResultOptional();
    }

    /** Filters of the list across standards; null means "any". */
    public record Filter(Integer larsCode, String reference) {}

    /**
     * One page of versions ordered by reference, then version number compared numerically (2.0 before 10.0), with
     * their standards and options fetched.
     */
    public List<StandardVersion> page(Filter filter, PageRequest page) {
        Query ids = getEntityManager()
                .createNativeQuery("select v.id" + from(filter) + " order by v.standard_reference,"
                        + " cast(split_part(v.version_number, '.', 1) as integer),"
                        + " cast(split_part(v.version_number, '.', 2) as integer)");
        bind(ids, filter);
        List<Long> order = ((List<?>) ids.setFirstResult(page.offset())
                        .setMaxResults(page.size())
                        .getResultList())
                .stream().map(id -> ((Number) id).longValue()).toList();
        if (order.isEmpty()) {
            return List.of();
        }
        Map<Long, StandardVersion> byId = getEntityManager()
                .createQuery(
                        "select distinct v from StandardVersion v join fetch v.standard"
                                + " left join fetch v.options where v.id in :ids",
                        StandardVersion.class)
                .setParameter("ids", order)
                .getResultList()
                .stream()
                .collect(Collectors.toMap(v -> v.id, Function.identity()));
        return order.stream().map(byId::get).toList();
    }

    public long count(Filter filter) {
        Query count = getEntityManager().createNativeQuery("select count(*)" + from(filter));
        bind(count, filter);
        return ((Number) count.getSingleResult()).longValue();
    }

    private static String from(Filter filter) {
        StringBuilder sql = new StringBuilder(
                " from standard_version v join standard s on s.reference = v.standard_reference where true");
        if (filter.larsCode() != null) {
            sql.append(" and s.lars_code = :larsCode");
        }
        if (filter.reference() != null) {
            sql.append(" and v.standard_reference = :reference");
        }
        return sql.toString();
    }

    private static void bind(Query query, Filter filter) {
        if (filter.larsCode() != null) {
            query.setParameter("larsCode", filter.larsCode());
        }
        if (filter.reference() != null) {
            query.setParameter("reference", filter.reference());
        }
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
