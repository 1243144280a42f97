package uk.apprenticeships.st1398.standards.api.casev1p1;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CASE_CFItemType", description = "CASE 1.1 CFItemType: Knowledge, Skill, Behaviour or Duty")
public record CfItemType(
        UUID identifier,
        String uri,
        @Schema(example = "Knowledge") String title,
        String description,
        @Schema(example = "K") String hierarchyCode,
        @Schema(example = "Knowledge") String typeCode,
        String lastChangeDateTime) {}
