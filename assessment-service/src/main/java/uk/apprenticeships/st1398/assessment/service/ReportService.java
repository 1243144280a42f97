package uk.apprenticeships.st1398.assessment.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import uk.apprenticeships.st1398.assessment.client.AssessmentPlan;
import uk.apprenticeships.st1398.assessment.client.AssessmentPlans;
import uk.apprenticeships.st1398.assessment.client.CatalogueModels;
import uk.apprenticeships.st1398.assessment.client.StandardCatalogue;
import uk.apprenticeships.st1398.assessment.config.AssessmentConfig;
import uk.apprenticeships.st1398.assessment.config.AssessmentError;
import uk.apprenticeships.st1398.assessment.repository.AssessmentOrganisationRepository;
import uk.apprenticeships.st1398.platform.problem.ApiException;
import uk.apprenticeships.st1398.platform.security.CurrentCaller;

/**
 * EPA outcome and registration reports (DOMAIN.md §4). Rows are read with a forward-only database cursor inside one
 * read-only transaction and handed to a {@link RowSink} as they come, so the export runs in constant memory whatever
 * the number of rows.
 */
@ApplicationScoped
public class ReportService {

    /** The sentinel for a value the platform does not hold. */
    public static final String NOT_HELD = "-2";

    public static final int METHOD_SLOTS = 3;
    public static final int MAX_DAYS = 366;
    private static final int FETCH_SIZE = 1000;

    public static final List<String> FIRST_COLUMNS = List.of(
            "ReportingDate",
            "AwardingOrganisation",
            "AwardingOrganisationID",
            "StandardTitle",
            "StandardID",
            "AssessmentPlanVersionNumber",
            "QualificationNumber",
            "ULN",
            "CandidateIdentifierOther");
    public static final List<String> OUTCOME_COLUMNS = outcomeColumns();
    public static final List<String> REGISTRATION_COLUMNS = concat(FIRST_COLUMNS, List.of("EventType", "EventDate"));

    /** A validated reporting period and the organisation it is confined to (empty: every organisation). */
    public record Period(LocalDate from, LocalDate to, Optional<String> epaoId) {}

    /** Receives the header, then each row, as they are read. */
    public interface RowSink {
        void row(List<String> values) throws IOException;
    }

    private final EntityManager em;
    private final AssessmentPlans plans;
    private final StandardCatalogue catalogue;
    private final AssessmentOrganisationRepository organisations;
    private final CurrentCaller caller;
    private final int timeoutSeconds;

    public ReportService(
            EntityManager em,
            AssessmentPlans plans,
            StandardCatalogue catalogue,
            AssessmentOrganisationRepository organisations,
            CurrentCaller caller,
            AssessmentConfig config) {
        this.em = em;
        this.plans = plans;
        this.catalogue = catalogue;
        this.organisations = organisations;
        this.caller = caller;
        this.timeoutSeconds = Math.toIntExact(Math.max(1, config.reportTimeout().toSeconds()));
    }

    /**
     * Checks the parameters (400 problems) and the caller's scope: an assessor reports only on their own
     * organisation (another answers 404, as if absent); admins and regulators on any, or all.
     */
    public Period period(String from, String to, String epaoId) {
        LocalDate start = date("from", from);
        LocalDate end = date("to", to);
        if (start.isAfter(end)) {
            throw ApiException.of(
                    AssessmentError.REPORT_PERIOD_INVALID, "from (" + start + ") must not be after to (" + end + ").");
        }
        if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
            throw ApiException.of(
                    AssessmentError.REPORT_PERIOD_INVALID,
                    "A report covers at most " + MAX_DAYS + " days; " + start + " to " + end + " is longer.");
        }
        if (epaoId != null && !epaoId.matches("^EPA\\d{4}$")) {
            throw ApiException.of(AssessmentError.REPORT_PERIOD_INVALID, "epaoId must look like EPA0001.");
        }
        Optional<String> own = AccessRules.ownOrganisation(caller.get());
        if (own.isPresent()) {
            if (epaoId != null && !epaoId.equals(own.get())) {
                throw ApiException.of(
                        AssessmentError.ORGANISATION_NOT_FOUND, "No assessment organisation " + epaoId + ".");
            }
            return new Period(start, end, own);
        }
        if (epaoId != null && organisations.findByEpaoId(epaoId).isEmpty()) {
            throw ApiException.of(AssessmentError.ORGANISATION_NOT_FOUND, "No assessment organisation " + epaoId + ".");
        }
        return new Period(start, end, Optional.ofNullable(epaoId));
    }

    private static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.of(AssessmentError.REPORT_PERIOD_INVALID, name + " is required (yyyy-mm-dd).");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.of(
                    AssessmentError.REPORT_PERIOD_INVALID, name + " must be a date yyyy-mm-dd; " + value + " is not.");
        }
    }

    /**
     * One row per assessment whose result is complete and whose last graded attempt (not superseded) falls in the
     * period. Method grades and the overall grade come from the standard version's assessment plan, as for
     * {@code GET /assessments/{id}/result}.
     */
    public void outcomes(Period period, RowSink sink) {
        String sql = """
                select a.id, o.name, o.epao_id, a.standard_version, a.uln, t.method_code, t.attempt_date, t.grade
                from assessment a
                join assessment_organisation o on o.id = a.assessment_organisation_id
                join assessment_attempt t on t.assessment_id = a.id and t.superseded_by is null
                where a.id in (select x.assessment_id from assessment_attempt x where x.superseded_by is null
                               group by x.assessment_id having max(x.attempt_date) between :from and :to)
                """ + (period.epaoId().isPresent() ? "and o.epao_id = :epaoId\n" : "")
                + "order by a.id, t.attempt_date, t.recorded_at, t.id";
        Lookups lookups = new Lookups();
        readOnly(() -> {
            sink.row(OUTCOME_COLUMNS);
            try (Stream<Object> rows = results(query(sql, period))) {
                Outcome current = null;
                for (Object o : (Iterable<Object>) rows::iterator) {
                    Object[] r = (Object[]) o;
                    String id = r[0].toString();
                    if (current == null || !current.id.equals(id)) {
                        emit(current, period, lookups, sink);
                        current = new Outcome(id, (String) r[1], (String) r[2], (String) r[3], (String) r[4]);
                    }
                    LocalDate date = toDate(r[6]);
                    // Chronological order: the last attempt per method is its current grade.
                    current.latest.put((String) r[5], new String[] {(String) r[7], date.toString()});
                    current.lastDate = date;
                }
                emit(current, period, lookups, sink);
            }
        });
    }

    /** One row per registration whose gateway date falls in the period. */
    public void registrations(Period period, RowSink sink) {
        String sql = """
                select a.id, o.name, o.epao_id, a.standard_version, a.uln, a.gateway_date
                from assessment a
                join assessment_organisation o on o.id = a.assessment_organisation_id
                where a.gateway_date between :from and :to
                """ + (period.epaoId().isPresent() ? "and o.epao_id = :epaoId\n" : "")
                + "order by a.gateway_date, a.id";
        Lookups lookups = new Lookups();
        readOnly(() -> {
            sink.row(REGISTRATION_COLUMNS);
            try (Stream<Object> rows = results(query(sql, period))) {
                for (Object o : (Iterable<Object>) rows::iterator) {
                    Object[] r = (Object[]) o;
                    List<String> row = first(
                            period,
                            lookups,
                            (String) r[1],
                            (String) r[2],
                            (String) r[3],
                            (String) r[4],
                            r[0].toString());
                    row.add("Registration");
                    row.add(toDate(r[5]).toString());
                    sink.row(row);
                }
            }
        });
    }

    private interface Work {
        void run() throws IOException;
    }

    /**
     * The cursor only lives inside a transaction, so the transaction lasts as long as the client reads: a million
     * rows take about a minute, past the default 60 s timeout that once cut the bench's export short.
     */
    private void readOnly(Work work) {
        QuarkusTransaction.requiringNew().timeout(timeoutSeconds).run(() -> {
            em.createNativeQuery("set transaction read only").executeUpdate();
            try {
                work.run();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private Query query(String sql, Period period) {
        Query query = em.createNativeQuery(sql)
                .setParameter("from", Date.valueOf(period.from()))
                .setParameter("to", Date.valueOf(period.to()))
                .setHint("org.hibernate.fetchSize", FETCH_SIZE)
                .setHint("org.hibernate.readOnly", true);
        period.epaoId().ifPresent(id -> query.setParameter("epaoId", id));
        return query;
    }

    @SuppressWarnings("unchecked")
    private static Stream<Object> results(Query query) {
        return query.getResultStream();
    }

    private static LocalDate toDate(Object value) {
        return value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
    }

    private static final class Outcome {
        final String id;
        final String organisation;
        final String epaoId;
        final String standardVersion;
        final String uln;
        final Map<String, String[]> latest = new LinkedHashMap<>();
        LocalDate lastDate;

        Outcome(String id, String organisation, String epaoId, String standardVersion, String uln) {
            this.id = id;
            this.organisation = organisation;
            this.epaoId = epaoId;
            this.standardVersion = standardVersion;
            this.uln = uln;
        }
    }

    /**
     * Catalogue answers for one export, keyed by standard-version key: a million rows name a handful of versions, so
     * each is asked for once per export (and the clients' caches answer most of those), never once per row.
     */
    private final class Lookups {
        private final Map<String, Optional<AssessmentPlan>> plans = new HashMap<>();
        private final Map<String, String> titles = new HashMap<>();

        Optional<AssessmentPlan> plan(String standardVersion) {
            return plans.computeIfAbsent(standardVersion, ReportService.this.plans::find);
        }

        /** The standard's title from the catalogue; "-2" (not held) when the catalogue does not know the version. */
        String title(String standardVersion) {
            return titles.computeIfAbsent(
                    standardVersion,
                    key -> catalogue
                            .version(key)
                            .map(CatalogueModels.Version::title)
                            .filter(t -> !t.isBlank())
                            .orElse(NOT_HELD));
        }
    }

    private void emit(Outcome outcome, Period period, Lookups lookups, RowSink sink) throws IOException {
        if (outcome == null) {
            return;
        }
        Optional<AssessmentPlan> plan = lookups.plan(outcome.standardVersion);
        if (plan.isEmpty()) {
            return;
        }
        Map<String, String> grades = new LinkedHashMap<>();
        outcome.latest.forEach((method, gradeAndDate) -> grades.put(method, gradeAndDate[0]));
        Optional<String> overall = GradingRules.overall(plan.get(), grades);
        if (overall.isEmpty()) {
            return;
        }
        List<String> row = first(
                period,
                lookups,
                outcome.organisation,
                outcome.epaoId,
                outcome.standardVersion,
                outcome.uln,
                outcome.id);
        List<AssessmentPlan.Method> methods = plan.get().methods().items();
        for (int slot = 0; slot < METHOD_SLOTS; slot++) {
            if (slot < methods.size()) {
                AssessmentPlan.Method method = methods.get(slot);
                String[] gradeAndDate = outcome.latest.get(method.code());
                row.add(method.name() == null ? method.code() : method.name());
                row.add(gradeAndDate[0]);
                row.add(gradeAndDate[1]);
            } else {
                row.add(NOT_HELD);
                row.add(NOT_HELD);
                row.add(NOT_HELD);
            }
        }
        row.add(overall.get());
        row.add(outcome.lastDate.toString());
        sink.row(row);
    }

    /**
     * The columns every report starts with. The assessment stores only the standard-version key (ST1398_1.0):
     * StandardID and AssessmentPlanVersionNumber come from it, StandardTitle is the standard's title from the
     * standards catalogue ({@value #NOT_HELD} when the catalogue does not know the version); QualificationNumber is
     * not held ({@value #NOT_HELD}).
     */
    private static List<String> first(
            Period period,
            Lookups lookups,
            String organisation,
            String epaoId,
            String standardVersion,
            String uln,
            String assessmentId) {
        int split = standardVersion.indexOf('_');
        String reference = split < 0 ? standardVersion : standardVersion.substring(0, split);
        String version = split < 0 ? NOT_HELD : standardVersion.substring(split + 1);
        List<String> row = new ArrayList<>(FIRST_COLUMNS.size() + 3 * METHOD_SLOTS + 2);
        row.add(period.to().toString());
        row.add(organisation);
        row.add(epaoId);
        row.add(lookups.title(standardVersion));
        row.add(reference);
        row.add(version);
        row.add(NOT_HELD);
        row.add(uln == null || uln.isBlank() ? NOT_HELD : uln);
        row.add(assessmentId);
        return row;
    }

    private static List<String> outcomeColumns() {
        List<String> columns = new ArrayList<>(FIRST_COLUMNS);
        for (int slot = 1; slot <= METHOD_SLOTS; slot++) {
            columns.add("Method" + slot + "Name");
            columns.add("Method" + slot + "Grade");
            columns.add("Method" + slot + "Date");
        }
        columns.add("OverallGrade");
        columns.add("OverallGradeDate");
        return List.copyOf(columns);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
