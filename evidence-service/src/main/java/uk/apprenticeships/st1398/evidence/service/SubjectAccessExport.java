package uk.apprenticeships.st1398.evidence.service;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoIterable;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.bson.types.ObjectId;
import uk.apprenticeships.st1398.evidence.api.ExportedEvidence;
import uk.apprenticeships.st1398.evidence.domain.Apprentice;
import uk.apprenticeships.st1398.evidence.domain.EvidenceRevision;
import uk.apprenticeships.st1398.evidence.domain.StoredFile;
import uk.apprenticeships.st1398.evidence.mapping.ApprenticeMapper;
import uk.apprenticeships.st1398.evidence.mapping.AuditEventMapper;
import uk.apprenticeships.st1398.evidence.mapping.EvidenceMapper;
import uk.apprenticeships.st1398.evidence.mapping.OffTheJobMapper;
import uk.apprenticeships.st1398.evidence.mapping.ReviewMapper;
import uk.apprenticeships.st1398.evidence.repository.ApprenticeRepository;
import uk.apprenticeships.st1398.evidence.repository.AuditEventRepository;
import uk.apprenticeships.st1398.evidence.repository.EvidenceFileStore;
import uk.apprenticeships.st1398.evidence.repository.EvidenceRepository;
import uk.apprenticeships.st1398.evidence.repository.OffTheJobRepository;
import uk.apprenticeships.st1398.evidence.repository.ProgressReviewRepository;

/**
 * The subject-access export: an apprentice's whole record as one zip, written straight to the response. JSON
 * documents are generated item by item from database cursors and files are copied from GridFS through one
 * buffer, so nothing is held whole in memory. Every entry's SHA-256 and size are counted on the way out and
 * listed in the final {@code manifest.json}.
 */
@ApplicationScoped
public class SubjectAccessExport {

    /** Writes the archive; the caller closes the stream. */
    @FunctionalInterface
    public interface Archive {
        void writeTo(OutputStream out) throws IOException;
    }

    /** A prepared export: checked, audited, ready to stream. */
    public record Prepared(String apprenticeId, Archive archive) {}

    public record ManifestEntry(String path, long size, String sha256) {}

    private static final int BUFFER = 64 * 1024;

    private final ApprenticeRepository apprentices;
    private final EvidenceRepository evidence;
    private final OffTheJobRepository offTheJob;
    private final ProgressReviewRepository reviews;
    private final AuditEventRepository events;
    private final EvidenceFileStore files;
    private final AuditTrail audit;
    private final ObjectMapper json;
    private final Stamps stamps;

    public SubjectAccessExport(
            ApprenticeRepository apprentices,
            EvidenceRepository evidence,
            OffTheJobRepository offTheJob,
            ProgressReviewRepository reviews,
            AuditEventRepository events,
            EvidenceFileStore files,
            AuditTrail audit,
            ObjectMapper json,
            Stamps stamps) {
        this.stamps = stamps;
        this.apprentices = apprentices;
        this.evidence = evidence;
        this.offTheJob = offTheJob;
        this.reviews = reviews;
        this.events = events;
        this.files = files;
        this.audit = audit;
        this.json = json;
    }

    /**
     * Checks access (404 for another tenant, 410 once erased) and records the access in the audit trail before
     * anything is sent, so the export's own audit-events.json includes it. A transfer that fails later is still
     * on record as an access: for personal data, over-recording access is the safe side.
     */
    public Prepared prepare(String apprenticeId) {
        Apprentice a = ApprenticeAccess.visible(apprentices, stamps.caller(), apprenticeId);
        audit.accessed("apprentice.subject-access-exported", a.id);
        Log.infof(
                "Subject-access export of apprentice %s by %s",
                a.id, stamps.caller().subject());
        return new Prepared(a.id.toHexString(), out -> write(a, out));
    }

    /** The apprentice's records that are not deleted (a deleted one waits only for its event to be relayed). */
    private static org.bson.conversions.Bson live(Apprentice a) {
        return Filters.and(
                Filters.eq("apprenticeId", a.id),
                Filters.eq(uk.apprenticeships.st1398.evidence.repository.EvidenceRepository.DELETED_AT, null));
    }

    void write(Apprentice a, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        List<ManifestEntry> manifest = new ArrayList<>();
        jsonEntry(zip, manifest, "apprentice.json", g -> g.writeObject(ApprenticeMapper.toResponse(a)));
        jsonEntry(zip, manifest, "evidence.json", g -> {
            g.writeStartArray();
            each(
                    evidence.mongoCollection().find(live(a)).sort(Sorts.ascending("createdAt", "_id")),
                    e -> g.writeObject(new ExportedEvidence(
                            EvidenceMapper.toResponse(e),
                            e.revisions.stream()
                                    .map(r -> EvidenceMapper.toResponse(e, r))
                                    .toList(),
                            e.history.stream().map(EvidenceMapper::toResponse).toList())));
            g.writeEndArray();
        });
        jsonEntry(zip, manifest, "off-the-job.json", g -> {
            g.writeStartArray();
            each(
                    offTheJob.mongoCollection().find(live(a)).sort(Sorts.ascending("date", "_id")),
                    entry -> g.writeObject(OffTheJobMapper.toResponse(entry)));
            g.writeEndArray();
        });
        jsonEntry(zip, manifest, "reviews.json", g -> {
            g.writeStartArray();
            each(
                    reviews.mongoCollection()
                            .find(Filters.eq("apprenticeId", a.id))
                            .sort(Sorts.ascending("date", "_id")),
                    review -> g.writeObject(ReviewMapper.toResponse(review)));
            g.writeEndArray();
        });
        jsonEntry(zip, manifest, "audit-events.json", g -> {
            g.writeStartArray();
            each(events.chain(a.id), e -> g.writeObject(AuditEventMapper.toResponse(e)));
            g.writeEndArray();
        });
        each(evidence.mongoCollection().find(live(a)).sort(Sorts.ascending("createdAt", "_id")), e -> {
            for (EvidenceRevision r : e.revisions) {
                fileEntry(zip, manifest, e.id, r.revision, r.content.file);
            }
            fileEntry(zip, manifest, e.id, e.revision, e.content.file);
        });
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("apprenticeId", a.id.toHexString());
        index.put("exportedAt", stamps.now());
        index.put("entries", manifest);
        zip.putNextEntry(new ZipEntry("manifest.json"));
        JsonGenerator g = json.createGenerator(new Unclosable(zip));
        g.writeObject(index);
        g.close();
        zip.closeEntry();
        zip.finish();
        zip.flush();
    }

    private void fileEntry(
            ZipOutputStream zip, List<ManifestEntry> manifest, ObjectId evidenceId, int revision, StoredFile file)
            throws IOException {
        if (file == null) {
            return;
        }
        String path = "files/" + evidenceId.toHexString() + "/" + revision + "/" + FileNames.sanitise(file.filename);
        Digesting out = begin(zip, path);
        try (InputStream in = files.openDownload(file.fileId)) {
            byte[] buffer = new byte[BUFFER];
            int n;
            while ((n = in.read(buffer)) != -1) {
                out.write(buffer, 0, n);
            }
        }
        end(zip, manifest, path, out);
    }

    @FunctionalInterface
    private interface IoConsumer<T> {
        void accept(T item) throws IOException;
    }

    /** One document at a time from a cursor that is closed even when writing fails (the client went away). */
    private static <T> void each(MongoIterable<T> found, IoConsumer<T> consumer) throws IOException {
        try (MongoCursor<T> cursor = found.cursor()) {
            while (cursor.hasNext()) {
                consumer.accept(cursor.next());
            }
        }
    }

    @FunctionalInterface
    private interface JsonBody {
        void write(JsonGenerator generator) throws IOException;
    }

    private void jsonEntry(ZipOutputStream zip, List<ManifestEntry> manifest, String path, JsonBody body)
            throws IOException {
        Digesting out = begin(zip, path);
        JsonGenerator g = json.createGenerator(out);
        body.write(g);
        g.close();
        end(zip, manifest, path, out);
    }

    private static Digesting begin(ZipOutputStream zip, String path) throws IOException {
        zip.putNextEntry(new ZipEntry(path));
        return new Digesting(zip);
    }

    private static void end(ZipOutputStream zip, List<ManifestEntry> manifest, String path, Digesting out)
            throws IOException {
        zip.closeEntry();
        manifest.add(new ManifestEntry(path, out.size, HexFormat.of().formatHex(out.sha.digest())));
    }

    /** Passes bytes to the zip entry, counting them and their SHA-256; closing it leaves the zip open. */
    private static final class Digesting extends Unclosable {
        final MessageDigest sha;
        long size;

        Digesting(OutputStream out) {
            super(out);
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            sha.update((byte) b);
            size++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            sha.update(b, off, len);
            size += len;
        }
    }

    private static class Unclosable extends FilterOutputStream {
        Unclosable(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
