package uk.apprenticeships.st1398.evidence.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "ProviderCoverage",
        description = "A page of per-apprentice coverage summaries of a provider's "
                + "cohort on one standard version, with the aggregate over the whole cohort")
public record ProviderCoverageResponse(
        @Schema(example = "10000001") String providerUkprn,
        @Schema(example = "ST1398_1.0") String standardVersion,

        @Schema(description = "KSBs of the standard version", example = "70")
        int totalKsbs,

        @Schema(description = "Over the whole cohort, not just this page")
        CohortCoverageResponse cohort,

        @Schema(description = "This page's apprentices, ordered by family name, given name, then id")
        List<ApprenticeCoverageSummary> items,

        @Schema(description = "Zero-based page number", example = "0")
        int page,

        @Schema(description = "Page size used", example = "20")
        int size,

        @Schema(description = "Apprentices in the cohort") long totalItems,
        @Schema(description = "Total number of pages") int totalPages) {}
