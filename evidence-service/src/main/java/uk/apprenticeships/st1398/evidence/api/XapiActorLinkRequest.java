package uk.apprenticeships.st1398.evidence.api;

import jakarta.validation.constraints.NotNull;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An xAPI actor of the provider's LMS that is this apprentice. */
public record XapiActorLinkRequest(
        @Schema(
                description = "An xAPI Agent with one identifier: mbox, mbox_sha1sum, openid or account"
                        + " {homePage, name}",
                required = true,
                type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT,
                example = "{\"mbox\": \"mailto:sam.learner@example.org\"}")
        @NotNull
        Map<String, Object> actor) {}
