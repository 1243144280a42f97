package uk.apprenticeships.st1398.standards.api;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DutySummary", description = "A duty with the codes of the KSBs it maps to")
public record DutySummary(
        UUID id,

        @Schema(description = "Order in the standard, from 1", example = "1")
        int position,

        @Schema(description = "The text; null when the source does not give it")
        String detail,

        @Schema(description = "Core duty; null when the source does not say")
        Boolean core,

        List<UUID> optionIds,

        @Schema(description = "False when the source does not give the duty's KSB mapping")
        boolean mappingAvailable,

        @Schema(
                description = "Codes of the mapped KSBs; null when the mapping is not available",
                example = "[\"K24\", \"S29\", \"B4\"]")
        List<String> ksbCodes) {}
