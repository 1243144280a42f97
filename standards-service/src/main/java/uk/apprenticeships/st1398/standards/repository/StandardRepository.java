package uk.apprenticeships.st1398.standards.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import uk.apprenticeships.st1398.platform.api.LikePatterns;
import uk.apprenticeships.st1398.platform.api.PageRequest;
import uk.apprenticeships.st1398.standards.domain.Standard;

@ApplicationScoped
public class StandardRepository implements PanacheRepositoryBase<Standard, String> {

    /** Search filters; null means "any". */
    public record Filter(String keyword, String route, Integer level, String status, Integer larsCode) {}

    public List<Standard> search(Filter filter, PageRequest page) {
        Query query = query(filter);
        return find(query.where, Sort.by("reference"), query.params)
                .page(page.page(), page.size())
                .list();
    }

    public long count(Filter filter) {
        Query query = query(filter);
        return count(query.where, query.params);
    }

    private record Query(String where, Parameters params) {}

    private static Query query(Filter filter) {
        List<String> clauses = new ArrayList<>();
        Parameters params = new Parameters();
        if (filter.keyword() != null) {
            // Title, overview and the text of any KSB of any version.
            clauses.add("(lower(title) like :kw escape '!' or lower(coalesce(overview, '')) like :kw escape '!'"
                    + " or exists (select 1 from Ksb k where k.version.standard = s"
                    + " and lower(k.detail) like :kw escape '!'))");
            params.and("kw", LikePatterns.contains(filter.keyword().toLowerCase()));
        }
        if (filter.route() != null) {
            clauses.add("lower(route) = :route");
            params.and("route", filter.route().toLowerCase());
        }
        if (filter.level() != null) {
            clauses.add("level = :level");
            params.and("level", filter.level());
        }
        if (filter.larsCode() != null) {
            clauses.add("larsCode = :larsCode");
            params.and("larsCode", filter.larsCode());
        }
        if (filter.status() != null) {
            clauses.add("exists (select 1 from StandardVersion v where v.standard = s and v.status = :status)");
            params.and("status", filter.status());
        }
        String where = "from Standard s" + (clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses));
        return new Query(where, params);
    }
}
