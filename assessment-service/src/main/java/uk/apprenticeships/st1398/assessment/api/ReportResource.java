package uk.apprenticeships.st1398.assessment.api;

import io.quarkus.security.PermissionsAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.function.BiConsumer;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.apprenticeships.st1398.assessment.service.AccessRules;
import uk.apprenticeships.st1398.assessment.service.CohortStatisticsService;
import uk.apprenticeships.st1398.assessment.service.ReportService;
import uk.apprenticeships.st1398.platform.api.PageRequest;

@Path("/api/v1/reports")
@Produces({ReportResource.TEXT_CSV, MediaType.APPLICATION_JSON})
@PermissionsAllowed(AccessRules.REPORT_READ)
@Tag(name = "Reports", description = "EPA outcome and registration returns (DOMAIN.md §4), streamed as CSV or JSON")
public class ReportResource {

    static final String TEXT_CSV = "text/csv";

    private final ReportService reports;
    private final CohortStatisticsService cohorts;

    public ReportResource(ReportService reports, CohortStatisticsService cohorts) {
        this.reports = reports;
        this.cohorts = cohorts;
    }

    @GET
    @Path("/cohort-statistics")
    @Produces(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(AccessRules.COHORT_STATISTICS)
    @Operation(
            summary = "Cohort statistics for dashboards",
            description = "Completed assessments (overall grade set) whose last graded attempt falls in [from, to], "
                    + "grouped by any of standardVersion, period and provider (in the order given), with Pass, "
                    + "Merit, Distinction and Fail counts and pass, distinction and fail rates over `assessed`. "
                    + "Counted in the database. Scoped: tutors and LMS clients see their provider only (another "
                    + "providerUkprn answers 404), employers their apprentices, assessors their organisation, "
                    + "admins and regulators everything. Groups are paged in the order of the grouping columns.")
    @APIResponse(
            responseCode = "200",
            description = "A page of groups",
            content = @Content(schema = @Schema(implementation = CohortStatisticsPage.class)))
    @APIResponse(
            responseCode = "400",
            description = "from/to missing or malformed, from after to, more than five "
                    + "years, an unknown groupBy name or period, or a malformed providerUkprn")
    @APIResponse(responseCode = "404", description = "A provider asking for another provider's statistics")
    public Response cohortStatistics(
            @QueryParam("from") @Parameter(description = "First day, yyyy-mm-dd", required = true) String from,
            @QueryParam("to") @Parameter(description = "Last day (inclusive), yyyy-mm-dd", required = true) String to,
            @QueryParam("groupBy")
                    @Parameter(
                            description =
                                    "Comma-separated: standardVersion, period, provider " + "(default standardVersion)",
                            example = "standardVersion,period")
                    String groupBy,
            @QueryParam("period") @Parameter(description = "month (default), quarter or year", example = "quarter")
                    String period,
            @QueryParam("providerUkprn") @Parameter(description = "Only this provider", example = "10000001")
                    String providerUkprn,
            @Valid @BeanParam PageRequest page) {
        return Response.ok(cohorts.statistics(from, to, groupBy, period, providerUkprn, page))
                .build();
    }

    /** The page schema for OpenAPI (PageResponse is generic). */
    @Schema(name = "CohortStatisticsPage")
    static final class CohortStatisticsPage {
        public List<CohortStatisticsRow> items;
        public int page;
        public int size;
        public long totalItems;
        public int totalPages;
    }

    @GET
    @Path("/epa-outcomes")
    @Operation(
            summary = "EPA outcomes in a period",
            description = "One row per assessment with a complete result whose last graded attempt date falls in "
                    + "[from, to]. CSV for Accept text/csv or */* (the default), a JSON array of objects keyed by "
                    + "the CSV column names for application/json. Assessors only for their own organisation.")
    @APIResponse(responseCode = "200", description = "The report, streamed")
    @APIResponse(
            responseCode = "400",
            description = "from/to missing or malformed, from after to, or more than " + "366 days")
    @APIResponse(responseCode = "403", description = "Not an admin, regulator or assessor")
    @APIResponse(responseCode = "404", description = "No such organisation, or another organisation's (assessors)")
    public Response outcomes(
            @QueryParam("from") @Parameter(description = "First day, yyyy-mm-dd") String from,
            @QueryParam("to") @Parameter(description = "Last day (inclusive), yyyy-mm-dd") String to,
            @QueryParam("epaoId") @Parameter(description = "Only this organisation (EPAnnnn)") String epaoId,
            @Context HttpHeaders headers) {
        ReportService.Period period = reports.period(from, to, epaoId);
        return stream("epa-outcomes", period, headers, reports::outcomes);
    }

    @GET
    @Path("/epa-registrations")
    @Operation(
            summary = "EPA registrations in a period",
            description = "One row per registration whose gateway date falls in [from, to], EventType "
                    + "Registration. CSV or JSON as for epa-outcomes.")
    @APIResponse(responseCode = "200", description = "The report, streamed")
    @APIResponse(
            responseCode = "400",
            description = "from/to missing or malformed, from after to, or more than " + "366 days")
    @APIResponse(responseCode = "403", description = "Not an admin, regulator or assessor")
    @APIResponse(responseCode = "404", description = "No such organisation, or another organisation's (assessors)")
    public Response registrations(
            @QueryParam("from") @Parameter(description = "First day, yyyy-mm-dd") String from,
            @QueryParam("to") @Parameter(description = "Last day (inclusive), yyyy-mm-dd") String to,
            @QueryParam("epaoId") @Parameter(description = "Only this organisation (EPAnnnn)") String epaoId,
            @Context HttpHeaders headers) {
        ReportService.Period period = reports.period(from, to, epaoId);
        return stream("epa-registrations", period, headers, reports::registrations);
    }

    private static Response stream(
            String name,
            ReportService.Period period,
            HttpHeaders headers,
            BiConsumer<ReportService.Period, ReportService.RowSink> report) {
        if (wantsJson(headers)) {
            StreamingOutput body = out -> json(out, sink -> report.accept(period, sink));
            return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
        }
        StreamingOutput body = out -> csv(out, sink -> report.accept(period, sink));
        return Response.ok(body, TEXT_CSV + "; charset=UTF-8")
                .header(
                        "Content-Disposition",
                        "attachment; filename=" + name + "-" + period.from() + "-" + period.to() + ".csv")
                .build();
    }

    /** JSON only when the first acceptable type that is CSV or JSON is JSON; wildcards choose CSV. */
    static boolean wantsJson(HttpHeaders headers) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isCompatible(MediaType.valueOf(TEXT_CSV))) {
                return false;
            }
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return true;
            }
        }
        return false;
    }

    private interface Report {
        void run(ReportService.RowSink sink);
    }

    /** RFC 4180: comma, double quotes where needed, CRLF. The header is the sink's first row. */
    private static void csv(OutputStream out, Report report) throws IOException {
        try (ReportWriter writer = ReportWriter.csv(out)) {
            report.run(writer);
        }
    }

    /** A JSON array of objects keyed by the header's column names. */
    private static void json(OutputStream out, Report report) throws IOException {
        try (ReportWriter writer = ReportWriter.json(out)) {
            report.run(writer);
        }
    }
}
