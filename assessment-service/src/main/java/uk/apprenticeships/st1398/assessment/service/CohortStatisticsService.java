package uk.apprenticeships.st1398.assessment.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import uk.apprenticeships.st1398.assessment.api.CohortStatisticsRow;
import uk.apprenticeships.st1398.assessment.config.AssessmentError;
import uk.apprenticeships.st1398.platform.api.PageRequest;
import uk.apprenticeships.st1398.platform.api.PageResponse;
import uk.apprenticeships.st1398.platform.problem.ApiException;
import uk.apprenticeships.st1398.platform.security.CurrentCaller;

/**
 * Cohort statistics for provider dashboards: outcome counts and rates of completed assessments, grouped by standard
 * version, period and/or provider. Counted by the database (GROUP BY over the derived overall grade); no assessment
 * row is loaded. Scoped: providers (tutors, LMS clients) to their provider, employers to theirs, assessors to their
 * organisation; admins and regulators see everything.
 */
@ApplicationScoped
public class CohortStatisticsService {

    public static final int MAX_DAYS = 5 * 366;
    static final List<String> DIMENSIONS = List.of("standardVersion", "period", "provider");
    static final Map<String, String> PERIOD_FORMATS =
            Map.of("month", "YYYY-MM", "quarter", "YYYY-\"Q\"Q", "year", "YYYY");

    private final EntityManager em;
    private final CurrentCaller caller;

    public CohortStatisticsService(EntityManager em, CurrentCaller caller) {
        this.em = em;
        this.caller = caller;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResponse<CohortStatisticsRow> statistics(
            String from, String to, String groupBy, String period, String providerUkprn, PageRequest page) {
        LocalDate start = date("from", from);
        LocalDate end = date("to", to);
        if (start.isAfter(end)) {
            throw ApiException.invalid("from", "must not be after to (" + end + ")");
        }
        if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
            throw ApiException.invalid("to", "the period covers at most " + MAX_DAYS + " days");
        }
        Set<String> dims = dimensions(groupBy);
        String unit = period == null || period.isBlank() ? "month" : period;
        if (!PERIOD_FORMATS.containsKey(unit)) {
            throw ApiException.invalid("period", "must be month, quarter or year");
        }
        if (providerUkprn != null && !providerUkprn.matches("^\\d{8}$")) {
            throw ApiException.invalid("providerUkprn", "must be 8 digits");
        }

        Map<String, Object> params = new LinkedHashMap<>();
        params.put("from", Date.valueOf(start));
        params.put("to", Date.valueOf(end));
        StringBuilder where =
                new StringBuilder("a.overall_grade is not null and a.overall_graded_on between :from " + "and :to");
        scope(providerUkprn, where, params);

        List<String> select = new ArrayList<>();
        for (String dim : dims) {
            select.add(
                    switch (dim) {
                        case "standardVersion" -> "a.standard_version";
                        case "period" -> "to_char(a.overall_graded_on, '" + PERIOD_FORMATS.get(unit) + "')";
                        default -> "a.provider_ukprn";
                    });
        }
        String groups = String.join(
                ", ",
                IntStream.rangeClosed(1, dims.size())
                        .mapToObj(Integer::toString)
                        .toList());
        String body = " from assessment a join assessment_organisation o on o.id = a.assessment_organisation_id"
                + " where " + where + " group by " + groups;
        String sql = "select " + String.join(", ", select) + """
                , count(*),
                  count(*) filter (where a.overall_grade = 'Pass'),
                  count(*) filter (where a.overall_grade = 'Merit'),
                  count(*) filter (where a.overall_grade = 'Distinction'),
                  count(*) filter (where a.overall_grade = 'Fail'),
                  round(cast(count(*) filter (where a.overall_grade <> 'Fail') as numeric) / count(*), 4),
                  round(cast(count(*) filter (where a.overall_grade = 'Distinction') as numeric) / count(*), 4),
                  round(cast(count(*) filter (where a.overall_grade = 'Fail') as numeric) / count(*), 4)
                """ + body + " order by " + groups
                + " limit :limit offset :offset";
        Query rows = em.createNativeQuery(sql);
        params.forEach(rows::setParameter);
        rows.setParameter("limit", page.size()).setParameter("offset", page.offset());
        Query count = em.createNativeQuery("select count(*) from (select " + String.join(", ", select) + body + ") g");
        params.forEach(count::setParameter);
        long total = ((Number) count.getSingleResult()).longValue();

        List<String> order = List.copyOf(dims);
        List<CohortStatisticsRow> result = new ArrayList<>();
        for (Object o : rows.getResultList()) {
            Object[] r = (Object[]) o;
            int n = order.size();
            result.add(new CohortStatisticsRow(
                    value(r, order, "standardVersion"),
                    value(r, order, "period"),
                    value(r, order, "provider"),
                    number(r[n]),
                    number(r[n + 1]),
                    number(r[n + 2]),
                    number(r[n + 3]),
                    number(r[n + 4]),
                    (BigDecimal) r[n + 5],
                    (BigDecimal) r[n + 6],
                    (BigDecimal) r[n + 7]));
        }
        return PageResponse.of(result, row -> row, page, total);
    }

    /** Narrows the rows to what the caller may see; a provider asking for another provider gets a 404. */
    private void scope(String providerUkprn, StringBuilder where, Map<String, Object> params) {
        String provider = providerUkprn;
        if (!caller.get().seesEverything()) {
            Optional<String> organisation = AccessRules.ownOrganisation(caller.get());
            if (organisation.isPresent()) {
                where.append(" and o.epao_id = :epaoId");
                params.put("epaoId", organisation.get());
            } else if (AccessRules.ownProvider(caller.get()).isPresent()) {
                String own = AccessRules.ownProvider(caller.get()).get();
                if (provider != null && !provider.equals(own)) {
                    throw ApiException.of(AssessmentError.PROVIDER_NOT_FOUND, "No provider " + provider + ".");
                }
                provider = own;
            } else if (AccessRules.ownEmployer(caller.get()).isPresent()) {
                where.append(" and a.employer_id = :employerId");
                params.put("employerId", AccessRules.ownEmployer(caller.get()).get());
            } else {
                where.append(" and 1 = 0");
            }
        }
        if (provider != null) {
            where.append(" and a.provider_ukprn = :provider");
            params.put("provider", provider);
        }
    }

    private static Set<String> dimensions(String groupBy) {
        Set<String> dims = new LinkedHashSet<>();
        String value = groupBy == null || groupBy.isBlank() ? "standardVersion" : groupBy;
        for (String part : value.split(",", -1)) {
            String dim = part.strip();
            if (!DIMENSIONS.contains(dim)) {
                throw ApiException.invalid(
                        "groupBy",
                        "must be a comma-separated list of standardVersion, period " + "and provider; "
                                + (dim.isEmpty() ? "an empty name" : dim) + " is not one");
            }
            if (!dims.add(dim)) {
                throw ApiException.invalid("groupBy", "names " + dim + " twice");
            }
        }
        return dims;
    }

    private static String value(Object[] row, List<String> order, String dim) {
        int i = order.indexOf(dim);
        return i < 0 ? null : (String) row[i];
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    private static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.invalid(name, "is required (yyyy-mm-dd)");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(name, "must be a date yyyy-mm-dd");
        }
    }
}
