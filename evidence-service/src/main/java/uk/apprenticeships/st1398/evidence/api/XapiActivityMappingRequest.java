package uk.apprenticeships.st1398.evidence.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How one LMS activity counts: KSB codes it evidences and/or off-the-job training. */
public record XapiActivityMappingRequest(
        @Schema(
                description = "The activity's IRI, as the LMS sends it in statements",
                required = true,
                example = "https://moodle.example.org/mod/scorm/view.php?id=42")
        @NotBlank
        @Size(max = 2000)
        String activityId,

        @Schema(
                description = "KSB codes; those not in an apprentice's standard version are left out for them",
                example = "[\"K1\", \"S2\"]")
        @Size(max = 100)
        List<@Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9.\\-]{0,19}$", message = "must be a KSB code") String> ksbCodes,

        @Schema(description = "Statements with a duration on this activity become pending off-the-job entries")
        boolean offTheJob,

        @Schema(description = "The training provider (admins only)", example = "10012345")
        @Pattern(regexp = "^\\d{8}$", message = "must be a UKPRN (8 digits)")
        String providerUkprn) {}
