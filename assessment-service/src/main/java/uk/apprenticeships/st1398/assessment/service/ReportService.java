package uk.apprenticeships.st1398.assessment.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
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
 * EPA outcome and registration reports (DOMAIN.md §4). Rows are read with plain JDBC from a forward-only database
 * cursor inside one read-only transaction and handed to a {@link RowSink} as they come, so the export runs in
 * constant memory whatever the number of rows.
 */
@ApplicationScoped
public class ReportService {

    /** The sentinel for a value the platform does not hold. */
    public static final String NOT_HELD = "-2";

    public static final int METHOD_SLOTS = 3;
    public static final int MAX_DAYS = 366;
    /**
     * Rows per round trip. A fetch is garbage by the time the next one comes, so it should die in the young
     * generation: 5 000 rows (~1.5 MB of the driver's row arrays) were promoted at most young collections of a
     * service started at {@code -Xms16m}, which then ran 7 full collections in its first million-row export; 1 000
     * rows cut the service's GC CPU by about two thirds, cold and warm (bench/README.md, "epa-export.sh").
     */
    public static final int FETCH_SIZE = 1000;

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

    /**
     * Receives the header, then each row, as they are read. The array is the sink's to read during the call only: it
     * may be reused for the next row.
     */
    public interface RowSink {
        void row(String[] values) throws IOException;
    }

    private final DataSource dataSource;
    private final AssessmentPlans plans;
    private final StandardCatalogue catalogue;
    private final AssessmentOrganisationRepository organisations;
    private final CurrentCaller caller;
    private final Duration timeout;

    public ReportService(
            DataSource dataSource,
            AssessmentPlans plans,
            StandardCatalogue catalogue,
            AssessmentOrganisationRepository organisations,
            CurrentCaller caller,
            AssessmentConfig config) {
        this.dataSource = dataSource;
        this.plans = plans;
        this.catalogue = catalogue;
        this.organisations = organisations;
        this.caller = caller;
        this.timeout = config.reportTimeout();
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
        // One pass over the attempts: each row carries its assessment's last attempt date (a window over the
        // assessment's attempts), and the period filter reads that. (Before, a grouped sub-select over every attempt
        // found the assessments first and the attempts were joined again: twice the work, and spilled to disk.)
        // The assessment's own columns only on its first attempt's row (null after): less to send and decode.
        String sql = """
                select id, name, epao_id, standard_version, uln, method_code, attempt_date, grade from (
                  select a.id, t.method_code, t.attempt_date, t.grade, t.recorded_at, t.id as attempt_id,
                         case when row_number() over w = 1 then o.name end as name,
                         case when row_number() over w = 1 then o.epao_id end as epao_id,
                         case when row_number() over w = 1 then a.standard_version end as standard_version,
                         case when row_number() over w = 1 then a.uln end as uln,
                         max(t.attempt_date) over (w rows between unbounded preceding and unbounded following) as last_date
                  from assessment a
                  join assessment_organisation o on o.id = a.assessment_organisation_id
                  join assessment_attempt t on t.assessment_id = a.id and t.superseded_by is null
                """ + (period.epaoId().isPresent() ? "  where o.epao_id = ?\n" : "") + """
                  window w as (partition by a.id order by t.attempt_date, t.recorded_at, t.id)
                ) r
                where last_date between ? and ?
                order by id, attempt_date, recorded_at, attempt_id
                """;
        List<Object> parameters = new ArrayList<>();
        period.epaoId().ifPresent(parameters::add);
        parameters.add(period.from());
        parameters.add(period.to());
        Lookups lookups = new Lookups();
        String reportingDate = period.to().toString();
        // A hash join over the attempts rather than one index look-up per assessment: the planner's estimate of one
        // organisation's share of the assessments is far off, and a million look-ups took longer (bench/README.md).
        read(sql, "set local enable_nestloop = off", parameters, OUTCOME_COLUMNS, sink, rows -> {
            Outcome current = new Outcome();
            while (rows.next()) {
                String id = rows.getString(1);
                if (!id.equals(current.id)) {
                    current.emit(reportingDate, lookups, sink);
                    current.start(id, rows.getString(2), rows.getString(3), rows.getString(4), rows.getString(5));
                }
                // Chronological order: the last attempt per method is its current grade, the last date the result's.
                current.attempt(rows.getString(6), rows.getString(8), rows.getString(7));
            }
            current.emit(reportingDate, lookups, sink);
        });
    }

    /** One row per registration whose gateway date falls in the period. */
    public void registrations(Period period, RowSink sink) {
        String sql = """
                select a.id, o.name, o.epao_id, a.standard_version, a.uln, a.gateway_date
                from assessment a
                join assessment_organisation o on o.id = a.assessment_organisation_id
                where a.gateway_date between ? and ?
                """ + (period.epaoId().isPresent() ? "and o.epao_id = ?\n" : "") + "order by a.gateway_date, a.id";
        List<Object> parameters = new ArrayList<>(List.of(period.from(), period.to()));
        period.epaoId().ifPresent(parameters::add);
        Lookups lookups = new Lookups();
        String reportingDate = period.to().toString();
        read(sql, null, parameters, REGISTRATION_COLUMNS, sink, rows -> {
            String[] row = new String[REGISTRATION_COLUMNS.size()];
            row[FIRST_COLUMNS.size()] = "Registration";
            while (rows.next()) {
                first(
                        row,
                        reportingDate,
                        lookups.version(rows.getString(4)),
                        rows.getString(2),
                        rows.getString(3),
                        rows.getString(5),
                        rows.getString(1));
                row[FIRST_COLUMNS.size() + 1] = rows.getString(6);
                sink.row(row);
            }
        });
    }

    private interface RowReader {
        void read(Rows rows) throws SQLException, IOException;
    }

    /**
     * Runs the query on a connection of its own in a read-only transaction (a PostgreSQL cursor only lives inside
     * one), forward-only, {@value #FETCH_SIZE} rows per round trip, with an optional {@code set local} planner
     * setting for that transaction only, and hands the header and then the result set to the reader. Plain JDBC: no
     * entity or Hibernate row handling per row. The export may stream for at most {@code assessment.report-timeout};
     * past it the reader is stopped and the response cut short.
     */
    private void read(
            String sql, String setting, List<Object> parameters, List<String> header, RowSink sink, RowReader reader) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            sink.row(header.toArray(String[]::new));
            try (Connection connection = dataSource.getConnection()) {
                boolean autoCommit = connection.getAutoCommit();
                connection.setAutoCommit(false);
                connection.setReadOnly(true);
                if (setting != null) {
                    try (Statement set = connection.createStatement()) {
                        set.execute(setting);
                    }
                }
                try (PreparedStatement statement =
                        connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                    statement.setFetchSize(FETCH_SIZE);
                    for (int i = 0; i < parameters.size(); i++) {
                        statement.setObject(i + 1, parameters.get(i));
                    }
                    try (ResultSet rows = statement.executeQuery()) {
                        reader.read(new Rows(rows, deadline));
                    }
                } finally {
                    connection.rollback();
                    connection.setReadOnly(false);
                    connection.setAutoCommit(autoCommit);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("Report query failed: " + e.getMessage(), e);
        }
    }

    /** The result set, stopped with an IOException once the report has streamed for longer than its timeout. */
    private final class Rows {
        private final ResultSet rows;
        private final long deadline;
        private int count;

        Rows(ResultSet rows, long deadline) {
            this.rows = rows;
            this.deadline = deadline;
        }

        boolean next() throws SQLException, IOException {
            if ((++count & 1023) == 0 && System.nanoTime() - deadline > 0) {
                throw new IOException(
                        "The report streamed for longer than assessment.report-timeout (" + timeout + "); cut short.");
            }
            return rows.next();
        }

        String getString(int column) throws SQLException {
            return rows.getString(column);
        }
    }

    /**
     * One assessment's attempts as they are read: the latest grade and date per method of its plan, and the date of
     * its last attempt.
     */
    private static final class Outcome {
        String id;
        String organisation;
        String epaoId;
        String standardVersion;
        String uln;
        final List<String[]> attempts = new ArrayList<>();
        int count;
        String lastDate;

        void start(String id, String organisation, String epaoId, String standardVersion, String uln) {
            this.id = id;
            this.organisation = organisation;
            this.epaoId = epaoId;
            this.standardVersion = standardVersion;
            this.uln = uln;
            count = 0;
        }

        void attempt(String method, String grade, String date) {
            if (count == attempts.size()) {
                attempts.add(new String[3]);
            }
            String[] attempt = attempts.get(count++);
            attempt[0] = method;
            attempt[1] = grade;
            attempt[2] = date;
            lastDate = date;
        }

        void emit(String reportingDate, Lookups lookups, RowSink sink) throws IOException {
            if (id == null) {
                return;
            }
            Optional<AssessmentPlan> found = lookups.plan(standardVersion);
            if (found.isEmpty()) {
                return;
            }
            List<AssessmentPlan.Method> methods = found.get().methods().items();
            String[] grades = new String[methods.size()];
            String[] dates = new String[methods.size()];
            for (int a = 0; a < count; a++) {
                String[] attempt = attempts.get(a);
                for (int m = 0; m < grades.length; m++) {
                    if (methods.get(m).code().equals(attempt[0])) {
                        grades[m] = attempt[1];
                        dates[m] = attempt[2];
                        break;
                    }
                }
            }
            for (String grade : grades) {
                if (grade == null) {
                    return; // not complete
                }
            }
            String overall = lookups.overall(found.get(), grades);
            String[] row = new String[OUTCOME_COLUMNS.size()];
            first(row, reportingDate, lookups.version(standardVersion), organisation, epaoId, uln, id);
            int column = FIRST_COLUMNS.size();
            for (int slot = 0; slot < METHOD_SLOTS; slot++) {
                if (slot < methods.size()) {
                    AssessmentPlan.Method method = methods.get(slot);
                    row[column++] = method.name() == null ? method.code() : method.name();
                    row[column++] = grades[slot];
                    row[column++] = dates[slot];
                } else {
                    row[column++] = NOT_HELD;
                    row[column++] = NOT_HELD;
                    row[column++] = NOT_HELD;
                }
            }
            row[column++] = overall;
            row[column] = lastDate;
            sink.row(row);
        }
    }

    /** A standard version's columns: the standard's title, its reference and the plan version. */
    private record VersionColumns(String title, String reference, String version) {}

    /**
     * Catalogue answers for one export, keyed by standard-version key: a million rows name a handful of versions, so
     * each is asked for once per export (and the clients' caches answer most of those), never once per row; the
     * overall grade of each combination of method grades is worked out once per plan.
     */
    private final class Lookups {
        private final Map<String, Optional<AssessmentPlan>> plans = new HashMap<>();
        private final Map<String, VersionColumns> versions = new HashMap<>();
        private final Map<AssessmentPlan, Map<List<String>, String>> overall = new IdentityHashMap<>();

        Optional<AssessmentPlan> plan(String standardVersion) {
            return plans.computeIfAbsent(standardVersion, ReportService.this.plans::find);
        }

        VersionColumns version(String standardVersion) {
            return versions.computeIfAbsent(standardVersion, key -> {
                int split = key.indexOf('_');
                return new VersionColumns(
                        title(key),
                        split < 0 ? key : key.substring(0, split),
                        split < 0 ? NOT_HELD : key.substring(split + 1));
            });
        }

        /** The standard's title from the catalogue; "-2" (not held) when the catalogue does not know the version. */
        private String title(String standardVersion) {
            return catalogue
                    .version(standardVersion)
                    .map(CatalogueModels.Version::title)
                    .filter(t -> !t.isBlank())
                    .orElse(NOT_HELD);
        }

        /** The plan's overall grade for these method grades (in the plan's method order), by its combination table. */
        String overall(AssessmentPlan plan, String[] grades) {
            Map<List<String>, String> known = overall.computeIfAbsent(plan, p -> new HashMap<>());
            List<String> key = Arrays.asList(grades);
            String grade = known.get(key);
            if (grade == null) {
                Map<String, String> byMethod = new LinkedHashMap<>();
                List<AssessmentPlan.Method> methods = plan.methods().items();
                for (int m = 0; m < grades.length; m++) {
                    byMethod.put(methods.get(m).code(), grades[m]);
                }
                grade = GradingRules.overall(plan, byMethod).orElseThrow();
                known.put(List.of(grades), grade);
            }
            return grade;
        }
    }

    /**
     * The columns every report starts with. The assessment stores only the standard-version key (ST1398_1.0):
     * StandardID and AssessmentPlanVersionNumber come from it, StandardTitle is the standard's title from the
     * standards catalogue ({@value #NOT_HELD} when the catalogue does not know the version); QualificationNumber is
     * not held ({@value #NOT_HELD}).
     */
    private static void first(
            String[] row,
            String reportingDate,
            VersionColumns version,
            String organisation,
            String epaoId,
            String uln,
            String assessmentId) {
        row[0] = reportingDate;
        row[1] = organisation;
        row[2] = epaoId;
        row[3] = version.title();
        row[4] = version.reference();
        row[5] = version.version();
        row[6] = NOT_HELD;
        row[7] = uln == null || uln.isBlank() ? NOT_HELD : uln;
        row[8] = assessmentId;
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
