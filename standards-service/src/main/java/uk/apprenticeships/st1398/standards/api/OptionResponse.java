package uk.apprenticeships.st1398.standards.api;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "StandardOption", description = "An option of a core-and-options standard version")
public record OptionResponse(UUID id, @Schema(example = "1") int position, String title) {}
