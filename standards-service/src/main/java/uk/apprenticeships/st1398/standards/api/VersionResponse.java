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
        @Schema(example = "1.0") String versionNumber,
        @Schema(example = "Approved for delivery") String status,
        LocalDate approvedForDelivery,
        LocalDate earliestStartDate,
        LocalDate latestStartDate,
        LocalDate latestEndDate,

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
