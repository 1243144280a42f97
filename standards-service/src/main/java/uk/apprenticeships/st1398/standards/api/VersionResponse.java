package uk.apprenticeships.st1398.standards.api;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "StandardVersion",
        description = "One version of a standard with its content, exactly as far as its "
                + "source gives it: texts the source does not give are null and listed in `completeness`.")
public record VersionResponse(
        @Schema(description = "Standard-version key", example = "ST1398_1.0")
        String key,

        @Schema(example = "ST1398") String reference,

        @Schema(description = "The standard's LARS code (DfE's `standardCode`); null when not known", example = "795")
        Integer larsCode,

        @Schema(description = "The standard's title", example = "Machine learning engineer")
        String title,

        @Schema(example = "1.0") String versionNumber,
        @Schema(example = "Approved for delivery") String status,

        @Schema(
                description = "Whether this is the standard's highest-numbered version (derived from the catalogue, "
                        + "whatever its status; the Skills England feed has no such flag)")
        boolean latestVersion,

        LocalDate approvedForDelivery,
        LocalDate earliestStartDate,
        LocalDate latestStartDate,
        LocalDate latestEndDate,

        @Schema(
                description = "Link to the version's assessment plan (the feed's `assessmentPlanUrl`); null when the "
                        + "source does not give it")
        String assessmentPlanUrl,

        @Schema(description = "Search keywords (the feed's `keywords`); null when the source does not give them")
        List<String> keywords,

        @Schema(
                description = "Whether the occupation is regulated (the feed's `regulated`); null when the source "
                        + "does not say. The regulator's name is the standard's `regulatedBody`.")
        Boolean regulated,

        @Schema(
                description = "The regulators and whether they approved the standard (the feed's "
                        + "`regulationDetail`); null when the source does not give them")
        List<RegulationDetailResponse> regulationDetails,

        @Schema(description = "Where the content was loaded from", example = "Skills England published summary")
        String source,

        @Schema(description = "What the source leaves out or how it was filed")
        String sourceNote,

        @Schema(description = "Whether the version has options; null when the source does not say")
        Boolean coreAndOptions,

        Completeness completeness,

        @Schema(description = "Knowledge, then skills, then behaviours, each in code order")
        List<KsbResponse> ksbs,

        List<DutySummary> duties,
        List<OptionResponse> options,
        List<QualificationResponse> qualifications) {}
