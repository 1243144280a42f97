package uk.apprenticeships.st1398.evidence.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.bson.Document;
import uk.apprenticeships.st1398.evidence.api.EvidenceResponse;
import uk.apprenticeships.st1398.evidence.config.EvidenceConfig;
import uk.apprenticeships.st1398.evidence.domain.Apprentice;
import uk.apprenticeships.st1398.evidence.domain.Evidence;
import uk.apprenticeships.st1398.evidence.domain.EvidenceStatus;
import uk.apprenticeships.st1398.evidence.domain.StampDoc;
import uk.apprenticeships.st1398.evidence.domain.StoredFile;
import uk.apprenticeships.st1398.evidence.domain.WorkflowAction;
import uk.apprenticeships.st1398.evidence.domain.WorkflowStep;
import uk.apprenticeships.st1398.evidence.mapping.EvidenceMapper;
import uk.apprenticeships.st1398.evidence.repository.BatchedGridFsUpload;
import uk.apprenticeships.st1398.evidence.repository.CoverageSummaryRepository.Contribution;
import uk.apprenticeships.st1398.evidence.repository.EvidenceFileStore;
import uk.apprenticeships.st1398.platform.problem.ApiException;
import uk.apprenticeships.st1398.platform.problem.PlatformError;
import uk.apprenticeships.st1398.platform.security.Caller;

/**
 * Evidence files: streamed from the request into GridFS (SHA-256 and size counted on the way, nothing held in
 * memory beyond one buffer), and streamed back out with byte ranges. The evidence document is updated only after
 * the file is complete, with the same version condition as every other change; a refused or failed upload leaves
 * no file behind.
 */
@ApplicationScoped
public class EvidenceFileService {

    /** A file to send: what it is, which bytes, and how to open it (the stream must be closed). */
    public record Download(
            String filename,
            String contentType,
            long size,
            String sha256,
            ByteRange range,
            Supplier<InputStream> opener) {}

    private static final int BUFFER = 64 * 1024;

    private final EvidenceService evidence;
    private final EvidenceFileStore store;
    private final ContentSniffer sniffer;
    private final EvidenceConfig config;
    private final Stamps stamps;

    public EvidenceFileService(
            EvidenceService evidence,
            EvidenceFileStore store,
            ContentSniffer sniffer,
            EvidenceConfig config,
            Stamps stamps) {
        this.stamps = stamps;
        this.evidence = evidence;
        this.store = store;
        this.sniffer = sniffer;
        this.config = config;
    }

    public EvidenceResponse upload(
            String apprenticeId,
            String evidenceId,
            String contentType,
            String contentLength,
            String filename,
            InputStream body) {
        Apprentice a = evidence.apprentice(stamps.caller(), apprenticeId);
        Evidence e = evidence.load(a, evidenceId);
        ApprenticeAccess.requireOpen(a, "no evidence file can be uploaded");
        String before = evidence.digest(e);
        Contribution counted = Contribution.of(e);
        long read = e.version;
        if (e.status == EvidenceStatus.SUBMITTED) {
            throw ApiException.of(
                    EvidenceError.EVIDENCE_SUBMITTED_LOCKED,
                    "Evidence " + evidenceId + " is "
                            + "submitted for review; its file can change once it is accepted (as a new revision) or referred "
                            + "back.");
        }
        String type = allowedType(contentType);
        long max = config.files().maxSize().asLongValue();
        if (contentLength != null && parseLength(contentLength) > max) {
            throw tooLarge(max);
        }
        byte[] head = readHead(body);
        if (head.length == 0) {
            throw ApiException.of(EvidenceError.FILE_EMPTY, "The file is empty.");
        }
        String detected = sniffer.detect(head);
        if (!sniffer.consistent(type, detected)) {
            throw ApiException.of(
                            EvidenceError.FILE_CONTENT_MISMATCH,
                            "The file is declared as " + type + " but its content looks like " + detected
                                    + "; nothing was stored.")
                    .with("declaredContentType", type)
                    .with("detectedContentType", detected);
        }
        StoredFile file = stream(e, FileNames.sanitise(filename), type, head, body, max);
        Instant now = stamps.now();
        StampDoc stamp = stamps.stamp(now);
        file.uploaded = stamp;

        StoredFile previous = e.content.file;
        if (e.status == EvidenceStatus.ACCEPTED) {
            evidence.newRevision(e, now);
        }
        e.content.file = file;
        e.history.add(new WorkflowStep(WorkflowAction.FILE_UPLOADED, e.status, e.revision, stamp, null));
        try {
            evidence.save(a, e, read, counted, now);
        } catch (ApiException conflict) {
            store.delete(file.fileId);
            throw conflict;
        }
        evidence.audited(e, before);
        if (previous != null
                && e.revisions.stream()
                        .noneMatch(r -> r.content.file != null && r.content.file.fileId.equals(previous.fileId))) {
            store.delete(previous.fileId);
        }
        Log.infof("Stored file %s (%d bytes, %s) for evidence %s", file.fileId, file.size, type, e.id);
        return EvidenceMapper.toResponse(e);
    }

    public Download download(String apprenticeId, String evidenceId, String rangeHeader) {
        return download(apprenticeId, evidenceId, null, rangeHeader);
    }

    /** The file of one revision ({@code null}: the current one); 404 when that revision has no file. */
    public Download download(String apprenticeId, String evidenceId, Integer revision, String rangeHeader) {
        Caller caller = stamps.caller();
        Evidence e = evidence.load(caller, evidence.apprentice(caller, apprenticeId), evidenceId);
        StoredFile f = revision == null ? e.content.file : evidence.content(caller, e, revision).file;
        if (f == null) {
            throw ApiException.of(
                    EvidenceError.EVIDENCE_FILE_NOT_FOUND,
                    "Evidence " + evidenceId + (revision == null ? "" : " revision " + revision) + " has no file.");
        }
        return new Download(
                f.filename,
                f.contentType,
                f.size,
                f.sha256,
                ByteRange.of(rangeHeader, f.size),
                () -> store.openDownload(f.fileId));
    }

    private StoredFile stream(Evidence e, String filename, String type, byte[] head, InputStream body, long max) {
        MessageDigest sha = sha256();
        BatchedGridFsUpload out = store.openUpload(
                filename,
                new Document("evidenceId", e.id)
                        .append("apprenticeId", e.apprenticeId)
                        .append("contentType", type));
        long size = 0;
        try {
            out.write(head);
            sha.update(head);
            size = head.length;
            byte[] buffer = new byte[BUFFER];
            int n;
            while ((n = body.read(buffer)) != -1) {
                size += n;
                if (size > max) {
                    throw tooLarge(max);
                }
                sha.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
            out.close();
        } catch (IOException | RuntimeException failure) {
            // Deletes the chunks written so far: a refused or broken upload leaves nothing behind.
            out.abort();
            if (failure instanceof IOException io) {
                throw new UncheckedIOException("Upload interrupted after " + size + " bytes", io);
            }
            throw (RuntimeException) failure;
        }
        StoredFile file = new StoredFile();
        file.fileId = out.getObjectId();
        file.filename = filename;
        file.contentType = type;
        file.size = size;
        file.sha256 = HexFormat.of().formatHex(sha.digest());
        return file;
    }

    private String allowedType(String contentType) {
        String type =
                contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        List<String> allowed = config.files().allowedTypes();
        if (!allowed.contains(type)) {
            throw ApiException.of(
                            EvidenceError.FILE_TYPE_UNSUPPORTED,
                            "Content type '" + type + "' is not "
                                    + "accepted for evidence files; see allowedContentTypes.")
                    .with("allowedContentTypes", allowed);
        }
        return type;
    }

    private static byte[] readHead(InputStream body) {
        try {
            return body.readNBytes(ContentSniffer.HEAD);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long parseLength(String contentLength) {
        try {
            return Long.parseLong(contentLength.strip());
        } catch (NumberFormatException e) {
            throw ApiException.of(PlatformError.HEADER_INVALID, "Content-Length is not a number.")
                    .with("header", "Content-Length");
        }
    }

    private static ApiException tooLarge(long max) {
        return ApiException.of(
                        EvidenceError.FILE_TOO_LARGE,
                        "Evidence files may be at most " + max + " bytes; " + "nothing was stored.")
                .with("maxBytes", max);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
