package uk.apprenticeships.st1398.standards.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.PermissionsAllowed;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Arrays;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.apprenticeships.st1398.platform.http.EntityTags;
import uk.apprenticeships.st1398.platform.problem.ApiException;
import uk.apprenticeships.st1398.standards.config.AccessRules;
import uk.apprenticeships.st1398.standards.service.AssessmentPlanService;

/**
 * The assessment plan of a standard version, as data: methods, grade combination table, gateway requirements,
 * resit/retake rules, assessment period and off-the-job rules. Reads are public and cacheable like the rest of the
 * catalogue ({@link HttpCaching}); replacing a plan needs the admin role.
 */
@Path("/api/v1/standards/{reference}/versions/{version}/assessment-plan")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Assessment plans",
        description = "Each standard version's assessment plan as data, with what is " + "unconfirmed marked")
public class AssessmentPlanResource {

    private static final String VERSION_HELP = "Version number, e.g. 1.0 (not the key ST1398_1.0)";
    private static final String DATE = "^\\d{4}-\\d{2}-\\d{2}$";

    private final AssessmentPlanService service;
    private final ObjectMapper json;

    public AssessmentPlanResource(AssessmentPlanService service, ObjectMapper json) {
        this.service = service;
        this.json = json;
    }

    @GET
    @PermitAll
    @Operation(
            summary = "Get a version's assessment plan",
            description = "Every section carries `confirmed` and "
                    + "`source`; `unconfirmed` lists the sections and items no source confirms. A method's `ksbCodes` is "
                    + "null when the source does not say which KSBs it assesses.")
    @APIResponse(
            responseCode = "200",
            description = "The plan",
            content = @Content(schema = @Schema(implementation = AssessmentPlanResponse.class)))
    @APIResponse(responseCode = "404", description = "No such standard or version, or the version has no plan")
    public AssessmentPlanResponse get(
            @PathParam("reference")
                    @Pattern(regexp = StandardResource.REFERENCE, message = "must look like ST1234")
                    @Parameter(description = "Standard reference", example = "ST1398")
                    String reference,
            @PathParam("version")
                    @Pattern(regexp = StandardVersionResource.VERSION, message = "must look like 1.0")
                    @Parameter(description = VERSION_HELP, example = "1.0")
                    String version) {
        return service.get(reference, version);
    }

    @PUT
    @PermissionsAllowed(AccessRules.CATALOGUE_WRITE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Create or replace a version's assessment plan (admin)",
            description = "The whole plan "
                    + "is validated before anything is stored: method codes and grades used consistently, a combination "
                    + "table with exactly one row per combination of method grades, KSB codes of this version (the valid "
                    + "ones come back in `validKsbCodes`), caps that are grades of every method, off-the-job rules whose "
                    + "start-date ranges do not overlap, no negative numbers, no unknown members. A refused plan changes "
                    + "nothing. The body of a GET may be sent back as it is; its read-only members are ignored.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AssessmentPlanDocument.class)))
    @APIResponse(
            responseCode = "200",
            description = "Replaced",
            content = @Content(schema = @Schema(implementation = AssessmentPlanResponse.class)))
    @APIResponse(
            responseCode = "201",
            description = "Created; the version had no plan",
            content = @Content(schema = @Schema(implementation = AssessmentPlanResponse.class)))
    @APIResponse(responseCode = "404", description = "No such standard or version")
    @APIResponse(responseCode = "412", description = "If-Match does not name the current plan; nothing changed")
    public Response replace(
            @PathParam("reference")
                    @Pattern(regexp = StandardResource.REFERENCE, message = "must look like ST1234")
                    @Parameter(description = "Standard reference", example = "ST1398")
                    String reference,
            @PathParam("version")
                    @Pattern(regexp = StandardVersionResource.VERSION, message = "must look like 1.0")
                    @Parameter(description = VERSION_HELP, example = "1.0")
                    String version,
            @HeaderParam(HttpHeaders.IF_MATCH)
                    @Parameter(
                            description =
                                    "Replace only if the plan is still the "
                                            + "one with this ETag (from a GET), or `*`: any existing plan. Otherwise 412, nothing changed.")
                    String ifMatch,
            String body,
            @Context UriInfo uri)
            throws JsonProcessingException {
        AssessmentPlanService.Replaced result = service.replace(
                reference, version, service.read(body), current -> ifMatch == null || matches(ifMatch, current));
        Response.ResponseBuilder answer = result.created() ? Response.created(uri.getAbsolutePath()) : Response.ok();
        return answer.entity(result.plan())
                .header(HttpHeaders.ETAG, tag(result.plan()))
                .build();
    }

    /** If-Match uses strong comparison (RFC 9110 §13.1.1): a weak tag never matches; * matches any plan. */
    private boolean matches(String ifMatch, AssessmentPlanResponse current) {
        if (current == null) {
            return false;
        }
        if (ifMatch.strip().equals("*")) {
            return true;
        }
        String tag = tag(current);
        return Arrays.stream(ifMatch.split(",")).map(String::strip).anyMatch(tag::equals);
    }

    /** The tag a GET of this plan carries: {@link HttpCaching} hashes the same bytes of the same mapper. */
    private String tag(AssessmentPlanResponse plan) {
        try {
            return EntityTags.of(json.writeValueAsBytes(plan));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Assessment plan cannot be written as JSON", e);
        }
    }

    @GET
    @Path("/off-the-job-requirement")
    @PermitAll
    @Operation(
            summary = "Work out the minimum off-the-job hours for an apprenticeship",
            description = "Finds the plan's off-the-job rule for the start date and applies it. A FIXED_HOURS rule "
                    + "(starts from 1 August 2025) gives its fixed minimum whatever the duration. A WEEKLY_HOURS "
                    + "rule needs `plannedWeeks` (planned weeks of training, excluding leave) and gives hours a week "
                    + "× weeks, pro rata when `weeklyContractedHours` is below the rule's full-time hours. The rule "
                    + "that applied comes back with its `confirmed` flag.")
    @APIResponse(
            responseCode = "200",
            description = "The minimum and the rule that applied",
            content = @Content(schema = @Schema(implementation = OffTheJobRequirementResponse.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such standard or version, no plan, or no rule for that " + "start date")
    public OffTheJobRequirementResponse offTheJobRequirement(
            @PathParam("reference")
                    @Pattern(regexp = StandardResource.REFERENCE, message = "must look like ST1234")
                    @Parameter(description = "Standard reference", example = "ST1398")
                    String reference,
            @PathParam("version")
                    @Pattern(regexp = StandardVersionResource.VERSION, message = "must look like 1.0")
                    @Parameter(description = VERSION_HELP, example = "1.0")
                    String version,
            @QueryParam("startDate")
                    @NotNull(message = "is required")
                    @Pattern(regexp = DATE, message = "must be a date such as 2025-09-01")
                    @Parameter(
                            description = "Start date of the apprenticeship",
                            required = true,
                            example = "2025-09-01")
                    String startDate,
            @QueryParam("plannedWeeks")
                    @Pattern(regexp = "^[1-9]\\d{0,2}$", message = "must be a whole number " + "of weeks from 1 to 999")
                    @Parameter(
                            description = "Planned weeks of training excluding leave; needed for weekly rules",
                            example = "104")
                    String plannedWeeks,
            @QueryParam("weeklyContractedHours")
                    @Pattern(
                            regexp = "^\\d{1,3}(\\.\\d{1,2})?$",
                            message = "must be " + "hours a week such as 30 or 22.5")
                    @Parameter(description = "Contracted hours a week; omit for full time", example = "30")
                    String weeklyContractedHours) {
        BigDecimal hours = weeklyContractedHours == null ? null : new BigDecimal(weeklyContractedHours);
        if (hours != null && (hours.signum() <= 0 || hours.compareTo(BigDecimal.valueOf(168)) > 0)) {
            throw ApiException.invalid("weeklyContractedHours", "must be more than 0 and at most 168");
        }
        return service.offTheJobRequirement(
                reference,
                version,
                date(startDate),
                plannedWeeks == null ? null : Integer.valueOf(plannedWeeks),
                hours);
    }

    private static LocalDate date(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeException e) {
            throw ApiException.invalid("startDate", "must be a real date such as 2025-09-01");
        }
    }
}
