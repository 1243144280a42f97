package uk.apprenticeships.st1398.evidence.api;

import static uk.apprenticeships.st1398.evidence.service.EvidencePermissions.*;

import io.quarkus.security.PermissionsAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Base64;
import java.util.HexFormat;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.apprenticeships.st1398.evidence.service.ByteRange;
import uk.apprenticeships.st1398.evidence.service.EvidenceError;
import uk.apprenticeships.st1398.evidence.service.EvidenceFileService;
import uk.apprenticeships.st1398.evidence.service.EvidenceService;
import uk.apprenticeships.st1398.evidence.service.FileNames;
import uk.apprenticeships.st1398.platform.api.PageRequest;
import uk.apprenticeships.st1398.platform.api.PageResponse;
import uk.apprenticeships.st1398.platform.problem.Problem;

@Path("/api/v1/apprentices/{id}/evidence")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Evidence",
        description = "An apprentice's evidence items mapped to the KSBs of their standard version, "
                + "with the review workflow. Same tenant visibility as the apprentice.")
@APIResponse(responseCode = "410", description = ApprenticeResource.ERASED)
public class EvidenceResource {

    static final String ID_MESSAGE = "must be a 24-character hexadecimal id";
    static final String IDEMPOTENCY_KEY = "^[\\x21-\\x7E]{1,255}$";

    private final EvidenceService service;
    private final EvidenceFileService files;

    public EvidenceResource(EvidenceService service, EvidenceFileService files) {
        this.service = service;
        this.files = files;
    }

    @GET
    @PermissionsAllowed(EVIDENCE_READ)
    @Operation(
            summary = "List an apprentice's evidence",
            description = "Oldest first (creation time, then id). "
                    + "Employers see only items that ask (or in an earlier revision asked) for their confirmation; other "
                    + "items, their revisions and files answer 404 to them. Assessors read the evidence of apprentices "
                    + "assigned to their assessment organisation.")
    @APIResponse(responseCode = "200", description = "A page of evidence items (their newest revisions)")
    public PageResponse<EvidenceResponse> list(
            @PathParam("id")
                    @Pattern(regexp = ApprenticeResource.ID, message = ID_MESSAGE)
                    @Parameter(description = "Apprentice id")
                    String id,
            @QueryParam("status")
                    @Pattern(
                            regexp = "^(draft|submitted|referred-back|accepted)$",
                            message = "must be one of draft, submitted, referred-back, accepted")
                    @Parameter(description = "Only items with this status")
                    String status,
            @QueryParam("ksbCode")
                    @Pattern(regexp = "^[KSB][1-9]\\d{0,2}$", message = "must be a code such as K3")
                    @Parameter(description = "Only items mapped to this KSB code", example = "K1")
                    String ksbCode,
            @Valid @BeanParam PageRequest page) {
        return service.list(id, status, ksbCode, page);
    }

    @POST
    @PermissionsAllowed(EVIDENCE_WRITE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Add an evidence item",
            description = "Starts as a draft. KSB codes must belong to the "
                    + "apprentice's standard version (checked with standards-service): unknown codes answer 422 with "
                    + "`validKsbCodes`. With an `Idempotency-Key`, a retry of the same request by the same caller replays "
                    + "the first 201 response instead of creating a duplicate; the same key with a different request "
                    + "answers 422.")
    @APIResponse(
            responseCode = "201",
            description = "Created (or replayed); Location names the item",
            headers =
                    @Header(
                            name = "Idempotent-Replayed",
                            description = "true when this is a replay",
                            schema =
                                    @Schema(
                                            type =
                                                    org.eclipse.microprofile.openapi.annotations.enums.SchemaType
                                                            .STRING)),
            content = @Content(schema = @Schema(implementation = EvidenceResponse.class)))
    @APIResponse(
            responseCode = "422",
            description = "Unknown KSB codes (see `validKsbCodes`), an unknown standard "
                    + "version, or an Idempotency-Key reused for a different request")
    @APIResponse(responseCode = "503", description = "standards-service cannot be reached to check the KSB codes")
    @APIResponse(responseCode = "504", description = "standards-service did not answer in time (downstream-timeout)")
    public Response create(
            @PathParam("id")
                    @Pattern(regexp = ApprenticeResource.ID, message = ID_MESSAGE)
                    @Parameter(description = "Apprentice id")
                    String id,
            @HeaderParam("Idempotency-Key")
                    @Pattern(regexp = IDEMPOTENCY_KEY, message = "must be 1 to 255 visible ASCII characters")
                    @Parameter(description = "Your unique key for this create; retries send the same key")
                    String key,
            @NotNull(message = "a JSON body is required") @Valid EvidenceRequest request,
            @Context UriInfo uri) {
        EvidenceService.Created created = service.create(id, request, key);
        Response.ResponseBuilder response = Response.created(uri.getAbsolutePathBuilder()
                        .path(created.evidence().id())
                        .build())
                .entity(created.evidence());
        if (created.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.build();
    }

    @GET
    @Path("/{evidenceId}")
    @PermissionsAllowed(EVIDENCE_READ)
    @Operation(
            summary = "Get an evidence item",
            description = "Its newest revision, with the whole workflow " + "history of that revision.")
    @APIResponse(responseCode = "200", description = "The evidence item")
    public EvidenceResponse get(
            @PathParam("id")
                    @Pattern(regexp = ApprenticeResource.ID, message = ID_MESSAGE)
                    @Parameter(description = "Apprentice id")
                    String id,
            @PathParam("evidenceId")
                    @Pattern(regexp = ApprenticeResource.ID, message = ID_MESSAGE)
                    @Parameter(description = "Evidence id")
                    String evidenceId) {
        return service.get(id, evidenceId);
    }

    @PUT
    @Path("/{evidenceId}")
    @PermissionsAllowed(EVIDENCE_WRITE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Change an evidence item",
            description = "Drafts and referred-back items change in place. "
                    + "Accepted evidence never changes: the change becomes a new draft revision and the accepted one stays "
                    + "readable under /revisions/{n}. Submitted items cannot change (409). Send the `version` you read to "
                    + "avoid overwriting a concurrent change.")
    @APIResponse(responseCode = "200", description = "The item after the change")
    @APIResponse(responseCode = "422", description = "Unknown KSB codes; see `validKsbCodes`")
    @APIResponse(responseCode = "503", description = "standards-service cannot be reached to check the KSB codes")
    @APIResponse(responseCode = "504", description = "standards-service did not answer in time (downstream-timeout)")
    public EvidenceResponse update(
            @PathParam("id")
                    @Pattern(regexp = ApprenticeResource.ID, message = ID_MESSAGE)
                    @Parameter(description = "Apprentice id")
                    String id,
            @PathParam("evidenceId")
                    @Pattern(regexp = ApprenticeResource.ID, message = ID_MESSAGE)
                    @Parameter(description = "Evidence id")
                    String evidenceId,
            @NotNull(message = "a JSON body is required") @Valid EvidenceRequest request) {
        return service.update(id, evidenceId, request);
    }

    @POST
    @Path("/{evidenceId}/workflow")
    @PermissionsAllowed({EVIDENCE_SUBMIT, EVIDENCE_CONFIRM, EVIDENCE_REVIEW})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Take a workflow step",
            description = "draft → submitted (apprentice or tutor) → "
                    + "accepted or referred-back with feedback (tutor); referred-back → submitted again. Where "
                    + "`employerConfirmationRequired`, the apprentice's employer confirms the submission before it can be "
                    + "accepted. A step out of order answers 409 and changes nothing. Each step records who (token subject) "
                    + "and when.")
    @APIResponse(responseCode = "200", description = "The item after the step")
    public EvidenceResponse workflow(
            @PathParam("id")
                    @Pattern(regexp = ApprenticeResource.ID, message = ID_MESSAGE)
                    @Parameter(description = "Apprentice id")
                    String id,
            @PathParam("evidenceId")
                    @Pattern(regexp = ApprenticeResource.ID, message = ID_MESSAGE)
                    @Parameter(description = "Evidence id")
                    String evidenceId,
            @NotNull(message = "a JSON body is required") @Valid WorkflowRequest request) {
        return service.workflow(id, evidenceId, request);
    }

    @GET
    @Path("/{evidenceId}/revisions/{revision}")
    @PermissionsAllowed(EVIDENCE_READ)
    @Operation(
            summary = "Get one revision of an evidence item",
            description =
                    "Earlier revisions are kept as they " + "were when a change to accepted evidence replaced them.")
    @APIResponse(responseCode = "200", description = "The revision")
    public EvidenceResponse revision(
            @PathParam("id")
                    @Pattern(regexp = ApprenticeResource.ID, message = ID_MESSAGE)
                    @Parameter(description = "Apprentice id")
                    String id,
            @PathParam("evidenceId")
                    @Pattern(regexp = ApprenticeResource.ID, message = ID_MESSAGE)
                    @Parameter(description = "Evidence id")
                    String evidenceId,
            @PathParam("revision")
                    @Min(value = 1, message = "must be 1 or more")
                    @Max(value = 100_000, message = "must be 100000 or less")
                    @Parameter(description = "Revision number, from 1")
                    int revision) {
        return service.revision(id, evidenceId, revision);
    }

    @PUT
    @Path("/{evidenceId}/file")
    @PermissionsAllowed(EVIDENCE_WRITE)
    @Consumes(MediaType.WILDCARD)
    @Operation(
            summary = "Upload the evidence file",
            description = "The raw file is the body, with its "
                    + "`Content-Type` (PDF, PNG, JPEG, DOCX, XLSX, plain text, CSV or MP4). The declared type must match the "
                    + "file's leading bytes (415 otherwise). Streamed to storage; larger than the configured limit "
                    + "(default 100 MB) answers 413, with or without Content-Length, and keeps nothing. Replaces the file of "
                    + "a draft or referred-back item; on accepted evidence it starts a new revision; submitted items answer "
                    + "409. The SHA-256 of the bytes is returned in `file.sha256()`.")
    @APIResponse(responseCode = "200", description = "The item with its new file")
    @APIResponse(responseCode = "413", description = "The file is larger than the limit; nothing was stored")
    @APIResponse(responseCode = "415", description = "Content type not accepted, or not what the bytes are")
    public EvidenceResponse upload(
            @PathParam("id")
                    @Pattern(regexp = ApprenticeResource.ID, message = ID_MESSAGE)
                    @Parameter(description = "Apprentice id")
                    String id,
            @PathParam("evidenceId")
                    @Pattern(regexp = ApprenticeResource.ID, message = ID_MESSAGE)
                    @Parameter(description = "Evidence id")
                    String evidenceId,
            @QueryParam("filename")
                    @Size(max = 255, message = "must be at most 255 characters")
                    @Parameter(description = "The file's name, shown on download (sanitised)", example = "design.pdf")
                    String filename,
            @HeaderParam("Content-Type") @Parameter(hidden = true) String contentType,
            @HeaderParam("Content-Length") @Parameter(hidden = true) String contentLength,
            InputStream body) {
        return files.upload(id, evidenceId, contentType, contentLength, filename, body);
    }

    @GET
    @Path("/{evidenceId}/file")
    @PermissionsAllowed(EVIDENCE_READ)
    @Produces(MediaType.WILDCARD)
    @Operation(
            summary = "Download the evidence file",
            description = "Streamed, as an attachment, with "
                    + "`Repr-Digest` (and legacy `Digest`) carrying its SHA-256 and `ETag`. A single `Range: bytes=...` is "
                    + "answered with 206 and `Content-Range`; a range starting beyond the end answers 416; several ranges "
                    + "get the whole file.")
    @APIResponse(
            responseCode = "200",
            description = "The whole file",
            content = @Content(mediaType = "application/octet-stream"))
    @APIResponse(
            responseCode = "206",
            description = "The requested byte range",
            content = @Content(mediaType = "application/octet-stream"))
    @APIResponse(responseCode = "416", description = "The range starts beyond the end of the file")
    public Response download(
            @PathParam("id")
                    @Pattern(regexp = ApprenticeResource.ID, message = ID_MESSAGE)
                    @Parameter(description = "Apprentice id")
                    String id,
            @PathParam("evidenceId")
                    @Pattern(regexp = ApprenticeResource.ID, message = ID_MESSAGE)
                    @Parameter(description = "Evidence id")
                    String evidenceId,
            @HeaderParam("Range") @Parameter(description = "One byte range, e.g. bytes=0-1023") String range,
            @HeaderParam("X-Request-Id") @Parameter(hidden = true) String requestId,
            @Context UriInfo uri) {
        return send(() -> files.download(id, evidenceId, range), range, requestId, uri);
    }

    @GET
    @Path("/{evidenceId}/revisions/{revision}/file")
    @PermissionsAllowed(EVIDENCE_READ)
    @Produces(MediaType.WILDCARD)
    @Operation(
            summary = "Download the file of one revision",
            description =
                    "The file as it was in that revision "
                            + "(a superseded revision keeps its file when a change to accepted evidence replaced it), with the same "
                            + "headers and `Range` handling as the current file's download. A revision without a file answers 404.")
    @APIResponse(
            responseCode = "200",
            description = "The whole file",
            content = @Content(mediaType = "application/octet-stream"))
    @APIResponse(
            responseCode = "206",
            description = "The requested byte range",
            content = @Content(mediaType = "application/octet-stream"))
    @APIResponse(responseCode = "416", description = "The range starts beyond the end of the file")
    public Response downloadRevision(
            @PathParam("id")
                    @Pattern(regexp = ApprenticeResource.ID, message = ID_MESSAGE)
                    @Parameter(description = "Apprentice id")
                    String id,
            @PathParam("evidenceId")
                    @Pattern(regexp = ApprenticeResource.ID, message = ID_MESSAGE)
                    @Parameter(description = "Evidence id")
                    String evidenceId,
            @PathParam("revision")
                    @Min(value = 1, message = "must be 1 or more")
                    @Max(value = 100_000, message = "must be 100000 or less")
                    @Parameter(description = "Revision number, from 1")
                    int revision,
            @HeaderParam("Range") @Parameter(description = "One byte range, e.g. bytes=0-1023") String range,
            @HeaderParam("X-Request-Id") @Parameter(hidden = true) String requestId,
            @Context UriInfo uri) {
        return send(() -> files.download(id, evidenceId, revision, range), range, requestId, uri);
    }

    /** Streams a file download: 200 or 206 with digest, ETag and disposition headers, or the 416 problem. */
    private static Response send(
            java.util.function.Supplier<EvidenceFileService.Download> downloader,
            String range,
            String requestId,
            UriInfo uri) {
        EvidenceFileService.Download download;
        try {
            download = downloader.get();
        } catch (ByteRange.Unsatisfiable e) {
            // Needs Content-Range on the problem, which ApiException cannot carry.
            long size = e.size();
            return Response.status(416)
                    .header("Content-Range", "bytes */" + size)
                    .type(Problem.MEDIA_TYPE)
                    .entity(new Problem(
                            EvidenceError.RANGE_NOT_SATISFIABLE,
                            "The range '" + range + "' starts " + "beyond the end of the file (" + size + " bytes).",
                            uri.getPath(),
                            requestId,
                            null,
                            java.util.Map.of("fileSize", size)))
                    .build();
        }
        EvidenceFileService.Download file = download;
        ByteRange r = download.range();
        StreamingOutput body = out -> copy(file.opener().get(), r, out);
        String b64 = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(file.sha256()));
        Response.ResponseBuilder response = Response.status(r.partial() ? 206 : 200)
                .entity(body)
                .type(file.contentType())
                .header("Content-Length", r.length())
                .header("Accept-Ranges", "bytes")
                .header("ETag", "\"" + file.sha256() + "\"")
                .header("Repr-Digest", "sha-256=:" + b64 + ":")
                .header("Digest", "SHA-256=" + b64)
                .header("Content-Disposition", FileNames.contentDisposition(file.filename()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "private, no-cache");
        if (r.partial()) {
            response.header("Content-Range", r.contentRange(file.size()));
        }
        return response.build();
    }

    private static void copy(InputStream in, ByteRange range, OutputStream out) throws java.io.IOException {
        try (in) {
            long skipped = 0;
            while (skipped < range.start()) {
                long n = in.skip(range.start() - skipped);
                if (n <= 0) {
                    throw new java.io.EOFException("File shorter than recorded");
                }
                skipped += n;
            }
            // A GridFS chunk's worth (255 KiB): each write is handed to the event loop, so fewer, larger writes.
            byte[] buffer = new byte[256 * 1024];
            long remaining = range.length();
            while (remaining > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                if (n < 0) {
                    throw new java.io.EOFException("File shorter than recorded");
                }
                out.write(buffer, 0, n);
                remaining -= n;
            }
        }
    }
}
