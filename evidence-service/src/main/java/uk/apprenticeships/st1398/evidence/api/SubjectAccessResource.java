package uk.apprenticeships.st1398.evidence.api;

import static uk.apprenticeships.st1398.evidence.service.EvidencePermissions.*;

import io.quarkus.security.PermissionsAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.apprenticeships.st1398.evidence.service.SubjectAccessExport;

@Path("/api/v1/apprentices/{id}/subject-access-export")
@Tag(name = "Audit and governance")
public class SubjectAccessResource {

    public static final String ZIP = "application/zip";

    private final SubjectAccessExport export;

    public SubjectAccessResource(SubjectAccessExport export) {
        this.export = export;
    }

    @GET
    @PermissionsAllowed(SUBJECT_ACCESS_EXPORT)
    @Produces(ZIP)
    @Operation(
            summary = "Export an apprentice's whole record (subject access)",
            description = "One zip, streamed: "
                    + "`apprentice.json` (with the status history), `evidence.json` (every item with all its revisions and "
                    + "workflow steps), `off-the-job.json`, `reviews.json`, `audit-events.json`, every evidence file as "
                    + "`files/{evidenceId}/{revision}/{name}`, and `manifest.json` listing every other entry with its size "
                    + "and SHA-256. The apprentice themself, tutors of their provider and admins; another tenant's "
                    + "apprentice answers 404, an erased one 410. The export is recorded in the audit trail.")
    @APIResponse(responseCode = "200", description = "The archive", content = @Content(mediaType = ZIP))
    @APIResponse(responseCode = "410", description = "The apprentice has been erased")
    public Response export(
            @PathParam("id")
                    @Pattern(regexp = ApprenticeResource.ID, message = EvidenceResource.ID_MESSAGE)
                    @Parameter(description = "Apprentice id")
                    String id) {
        SubjectAccessExport.Prepared prepared = export.prepare(id);
        StreamingOutput body = out -> prepared.archive().writeTo(out);
        return Response.ok(body, ZIP)
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"subject-access-" + prepared.apprenticeId() + ".zip\"")
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }
}
