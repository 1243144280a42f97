package uk.apprenticeships.st1398.evidence.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new LMS credential for /xapi. */
public record XapiCredentialRequest(
        @Schema(description = "What the credential is for, e.g. the LMS's name", example = "Moodle (live)")
        @NotBlank
        @Size(max = 200)
        String name,

        @Schema(
                description = "The training provider (admins only; tutors issue for their own provider)",
                example = "10012345")
        @Pattern(regexp = "^\\d{8}$", message = "must be a UKPRN (8 digits)")
        String providerUkprn) {}
