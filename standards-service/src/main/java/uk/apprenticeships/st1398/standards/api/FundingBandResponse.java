package uk.apprenticeships.st1398.standards.api;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "FundingBand",
        description = "The funding band in force from `effectiveFrom` to `effectiveTo` (LARS data, as DfE's courses "
                + "API serves it: `MaxEmployerLevyCap`, `Duration`, `EffectiveFrom`, `EffectiveTo`)")
public record FundingBandResponse(
        @Schema(example = "2024-08-01") LocalDate effectiveFrom,

        @Schema(description = "Last day in force; null while open-ended (the band in force now)")
        LocalDate effectiveTo,

        @Schema(description = "Maximum funding in GBP (LARS `MaxEmployerLevyCap`)", example = "22000")
        int maxFunding,

        @Schema(description = "Funded duration in months (LARS `Duration`); null when not given", example = "24")
        Integer durationMonths) {}
