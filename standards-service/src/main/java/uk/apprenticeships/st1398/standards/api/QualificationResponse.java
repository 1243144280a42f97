package uk.apprenticeships.st1398.standards.api;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Qualification", description = "A qualification the standard version mandates")
public record QualificationResponse(UUID id, int position, String title, Integer level, String additionalInformation) {}
