package uk.apprenticeships.st1398.evidence.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.types.ObjectId;
import uk.apprenticeships.st1398.evidence.client.KsbCatalogue;
import uk.apprenticeships.st1398.evidence.domain.Apprentice;
import uk.apprenticeships.st1398.evidence.domain.ApprenticeStatus;
import uk.apprenticeships.st1398.evidence.domain.Evidence;
import uk.apprenticeships.st1398.evidence.domain.EvidenceContent;
import uk.apprenticeships.st1398.evidence.domain.EvidenceKind;
import uk.apprenticeships.st1398.evidence.domain.EvidenceStatus;
import uk.apprenticeships.st1398.evidence.domain.OffTheJobEntry;
import uk.apprenticeships.st1398.evidence.domain.OffTheJobStatus;
import uk.apprenticeships.st1398.evidence.domain.StampDoc;
import uk.apprenticeships.st1398.evidence.domain.WorkflowAction;
import uk.apprenticeships.st1398.evidence.domain.WorkflowStep;
import uk.apprenticeships.st1398.evidence.events.EvidenceEvents;
import uk.apprenticeships.st1398.evidence.repository.ApprenticeRepository;
import uk.apprenticeships.st1398.evidence.repository.CoverageSummaryRepository.Contribution;
import uk.apprenticeships.st1398.evidence.repository.EvidenceRepository;
import uk.apprenticeships.st1398.evidence.repository.OffTheJobRepository;
import uk.apprenticeships.st1398.evidence.service.AuditTrail;
import uk.apprenticeships.st1398.evidence.service.CoverageSummaries;
import uk.apprenticeships.st1398.evidence.service.Stamps;
import uk.apprenticeships.st1398.platform.events.EventTypes;
import uk.apprenticeships.st1398.platform.security.Roles;
import uk.apprenticeships.st1398.platform.security.Stamp;

/**
 * Statements become e-portfolio records (docs/xapi.md, "From statements to evidence"): a completed, passed or
 * scored statement about an apprentice on an activity aligned to KSBs becomes a draft evidence item of kind
 * {@code xapi-statement}; one with a duration on an off-the-job activity becomes a pending off-the-job entry. The
 * records' ids derive from the statement id, so a statement never makes two of either (a second attempt meets the
 * primary key); voiding the statement withdraws (deletes) them while they are still a draft / pending.
 */
@ApplicationScoped
public class XapiEvidence {

    /** Activity-definition extension: the KSB codes the activity evidences (an array of strings). */
    public static final String KSB_EXTENSION = "https://st1398.apprenticeships.uk/xapi/extensions/ksbs";
    /** Activity-definition extension: true when the activity is off-the-job training. */
    public static final String OFF_THE_JOB_EXTENSION = "https://st1398.apprenticeships.uk/xapi/extensions/off-the-job";

    static final Set<String> EVIDENCE_VERBS = Set.of(
            "http://adlnet.gov/expapi/verbs/completed",
            "http://adlnet.gov/expapi/verbs/passed",
            "http://adlnet.gov/expapi/verbs/scored");
    static final Pattern ULN = Pattern.compile("^\\d{10}$");
    private static final Pattern DURATION = Pattern.compile("^P(?:(\\d+(?:[.,]\\d+)?)W)?(?:(\\d+(?:[.,]\\d+)?)Y)?"
            + "(?:(\\d+(?:[.,]\\d+)?)M)?(?:(\\d+(?:[.,]\\d+)?)D)?(?:T(?:(\\d+(?:[.,]\\d+)?)H)?(?:(\\d+(?:[.,]\\d+)?)M)?"
            + "(?:(\\d+(?:[.,]\\d+)?)S)?)?$");

    /** What became of a statement, kept on its document ({@code evidence}). */
    public enum Outcome {
        /** Not an evidence or off-the-job statement (verb, alignment, voided). */
        NONE,
        /** About an actor that is no apprentice of the provider yet: converted once one is enrolled. */
        PENDING_ACTOR,
        /** Draft evidence and/or an off-the-job entry made. */
        RECORDED
    }

    private final ApprenticeRepository apprentices;
    private final EvidenceRepository evidence;
    private final OffTheJobRepository offTheJob;
    private final KsbCatalogue catalogue;
    private final StatementStore store;
    private final Clock clock;
    private final AuditTrail audit;
    private final XapiActivityMappings mappings;
    private final XapiActors actors;
    private final EvidenceEvents events;
    private final CoverageSummaries coverage;

    public XapiEvidence(
            XapiActors actors,
            ApprenticeRepository apprentices,
            EvidenceRepository evidence,
            OffTheJobRepository offTheJob,
            KsbCatalogue catalogue,
            StatementStore store,
            Clock clock,
            AuditTrail audit,
            XapiActivityMappings mappings,
            EvidenceEvents events,
            CoverageSummaries coverage) {
        this.actors = actors;
        this.coverage = coverage;
        this.events = events;
        this.audit = audit;
        this.mappings = mappings;
        this.apprentices = apprentices;
        this.evidence = evidence;
        this.offTheJob = offTheJob;
        this.catalogue = catalogue;
        this.store = store;
        this.clock = clock;
    }

    /** Converts one stored statement; returns what became of it and records that on its document. */
    public Outcome convert(String provider, JsonNode statement) {
        String id = statement.path("id").asText();
        Outcome outcome = outcome(provider, statement, statement.get("authority"));
        store.setOutcome(id, outcome.name());
        return outcome;
    }

    /** What a statement could become, before its actor is looked at: aligned KSBs, and which records. */
    private record Candidate(List<String> ksbs, boolean evidential, boolean offTheJobTime) {}

    /** Null when the statement can never become a record (verb, result, alignment, object type). */
    private Candidate candidate(
            String provider, JsonNode statement, Function<String, Optional<XapiActivityMapping>> mappingOf) {
        JsonNode object = statement.path("object");
        if (!"Activity".equals(object.path("objectType").asText("Activity"))) {
            return null;
        }
        JsonNode extensions = object.path("definition").path("extensions");
        // The activity's own alignment first; else the provider's mapping of the activity.
        Optional<XapiActivityMapping> mapping =
                mappingOf.apply(object.path("id").asText());
        List<String> ksbs = ksbCodes(extensions.get(KSB_EXTENSION));
        if (ksbs.isEmpty() && mapping.isPresent()) {
            ksbs = ksbCodes(mapping.get().ksbCodes);
        }
        boolean offTheJobActivity = extensions.has(OFF_THE_JOB_EXTENSION)
                ? extensions.path(OFF_THE_JOB_EXTENSION).asBoolean(false)
                : mapping.map(m -> m.offTheJob).orElse(false);
        JsonNode result = statement.path("result");
        boolean evidential = !ksbs.isEmpty()
                && (EVIDENCE_VERBS.contains(statement.path("verb").path("id").asText())
                        || result.has("score")
                        || result.path("completion").asBoolean(false));
        boolean offTheJobTime = offTheJobActivity && result.has("duration");
        return evidential || offTheJobTime ? new Candidate(ksbs, evidential, offTheJobTime) : null;
    }

    /**
     * Whether the statement could become a record at all, decided before it is stored so that the many that cannot
     * are stored with their outcome ({@code NONE}) and cost no conversion; mappings are looked up once per activity
     * through the cache given (one request's).
     */
    public boolean mayBecomeRecords(
            String provider, JsonNode statement, Map<String, Optional<XapiActivityMapping>> mappingCache) {
        return candidate(
                        provider,
                        statement,
                        activity -> mappingCache.computeIfAbsent(activity, a -> mappings.find(provider, a)))
                != null;
    }

    private Outcome outcome(String provider, JsonNode statement, JsonNode authority) {
        Candidate candidate = candidate(provider, statement, activity -> mappings.find(provider, activity));
        if (candidate == null) {
            return Outcome.NONE;
        }
        List<String> ksbs = candidate.ksbs();
        boolean evidential = candidate.evidential();
        boolean offTheJobTime = candidate.offTheJobTime();
        Optional<Apprentice> found = actors.resolve(provider, statement.get("actor"));
        if (found.isEmpty()) {
            return Outcome.PENDING_ACTOR;
        }
        Apprentice apprentice = found.get();
        if (apprentice.status != ApprenticeStatus.ACTIVE) {
            return Outcome.NONE;
        }
        Set<String> known = catalogue.codes(apprentice.standardVersion);
        List<String> aligned = ksbs.stream().filter(known::contains).toList();
        StampDoc stamp = stamp(authority, statement);
        Evidence.XapiOrigin origin = origin(statement);
        if (evidential && !aligned.isEmpty()) {
            insertEvidence(apprentice, statement, aligned, origin, stamp);
        }
        if (offTheJobTime) {
            insertOffTheJob(apprentice, statement, aligned, origin, stamp);
        }
        return Outcome.RECORDED;
    }

    /** After an enrolment: the provider's statements about its ULN or learner reference that waited for it. */
    public void onEnrolled(Apprentice apprentice) {
        onLinked(apprentice, actors.keysOf(apprentice));
    }

    /**
     * The actor with these keys is now known to be this apprentice (an enrolment, a tutor's link): the provider's
     * statements about it that waited ({@link Outcome#PENDING_ACTOR}) are converted, oldest first.
     */
    public void onLinked(Apprentice apprentice, List<String> actorKeys) {
        for (Document pending : store.pendingFor(apprentice.providerUkprn, actorKeys)) {
            JsonNode statement = XapiStatements.read(pending.getString(StatementStore.RAW));
            convert(apprentice.providerUkprn, statement);
        }
    }

    /** Statements converted at once when a mapping changes; the sweep converts the rest (500 a run). */
    static final int RECONVERT_AT_ONCE = 200;

    /**
     * A mapping of the provider's activity was created or changed: its statements stored earlier that became no
     * record ({@code NONE}: e.g. not aligned then) are marked for conversion again, and the oldest
     * {@value #RECONVERT_AT_ONCE} converted now; the sweep converts the others. Conversion is idempotent (the
     * records' ids derive from the statement id), so a statement never makes two items, however often mappings
     * change. Statements already recorded, voided, voiding or referring to another are left alone.
     *
     * @return how many statements were marked for conversion
     */
    public long onMappingChanged(String provider, String activityId) {
        long marked = store.reopen(provider, activityId);
        if (marked > 0) {
            for (Document document : store.converting(provider, activityId, RECONVERT_AT_ONCE)) {
                convert(provider, XapiStatements.read(document.getString(StatementStore.RAW)));
            }
        }
        return marked;
    }

    /** Voiding withdraws what the statement made, while it is still a draft (evidence) or pending (off the job). */
    public void withdraw(String voidedStatementId) {
        // Enums are stored as their values ("draft", "pending": StoredValueCodecs), so the filters name the value.
        // Each withdrawal is one conditional write of the record that marks it deleted and pushes its event
        // (evidence.withdrawn, off-the-job.deleted): a record that changed meanwhile is left, with no event.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        evidence.findLive(idFor("evidence", voidedStatementId))
                .filter(e -> e.status == EvidenceStatus.DRAFT)
                .filter(e -> withdrawDraft(e, now))
                .ifPresent(e -> audit.deletedByLms(e.createdBy.subject, e.providerUkprn, "evidence.withdrawn", e));
        offTheJob
                .findLive(idFor("off-the-job", voidedStatementId))
                .filter(o -> o.status == OffTheJobStatus.PENDING)
                .filter(o -> offTheJob.deleteIfUnchanged(
                        o, o.version, events.offTheJob(o, EventTypes.OFF_THE_JOB_DELETED, "withdrawn"), now))
                .ifPresent(o -> audit.deletedByLms(o.createdBy.subject, o.providerUkprn, "off-the-job.withdrawn", o));
    }

    /** One conditional write; the apprentice's coverage summary is kept around it ({@link CoverageSummaries}). */
    private boolean withdrawDraft(Evidence e, Instant now) {
        return coverage.around(
                e.apprenticeId,
                e.providerUkprn,
                e.standardVersion,
                Contribution.of(e),
                Contribution.NONE,
                () -> evidence.withdrawDraft(e, e.version, events.evidenceWithdrawn(e), now));
    }

    private void insertEvidence(
            Apprentice a, JsonNode statement, List<String> ksbs, Evidence.XapiOrigin origin, StampDoc stamp) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Evidence e = new Evidence();
        e.id = idFor("evidence", origin.statementId);
        e.apprenticeId = a.id;
        e.providerUkprn = a.providerUkprn;
        e.employerId = a.employerId;
        e.uln = a.uln;
        e.standardVersion = a.standardVersion;
        e.revision = 1;
        e.version = 1;
        e.status = EvidenceStatus.DRAFT;
        EvidenceContent content = new EvidenceContent();
        content.kind = EvidenceKind.XAPI_STATEMENT;
        content.title = truncate(title(statement), 200);
        content.description = truncate(summary(statement), 4000);
        content.ksbCodes = new ArrayList<>(ksbs);
        e.content = content;
        e.history.add(new WorkflowStep(WorkflowAction.CREATED, e.status, 1, stamp, null));
        e.createdAt = now;
        e.createdBy = stamp;
        e.updatedAt = now;
        e.xapi = origin;
        // evidence.created goes into the inserted document's outbox: one write, no event if the insert is refused
        // (a statement converted twice meets its own evidence id). Scoped by the apprentice the actor resolved to.
        events.evidence(e, a);
        boolean inserted = coverage.around(
                e.apprenticeId,
                e.providerUkprn,
                e.standardVersion,
                Contribution.NONE,
                Contribution.of(e),
                // Not journaled: its audit event, appended next, makes it durable (as an API create).
                () -> insertOnce(() -> evidence.insertBeforeItsAuditEvent(e), "evidence", origin.statementId));
        if (inserted) {
            audit.changedByLms(e.createdBy.subject, e.providerUkprn, "evidence.created", e);
        }
    }

    private void insertOffTheJob(
            Apprentice a, JsonNode statement, List<String> ksbs, Evidence.XapiOrigin origin, StampDoc stamp) {
        long hundredths = hundredths(origin.duration);
        if (hundredths <= 0) {
            return;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        OffTheJobEntry entry = new OffTheJobEntry();
        entry.id = idFor("off-the-job", origin.statementId);
        entry.apprenticeId = a.id;
        entry.providerUkprn = a.providerUkprn;
        entry.employerId = a.employerId;
        entry.uln = a.uln;
        entry.date = date(statement);
        entry.hundredths = hundredths;
        entry.activity = truncate(title(statement), 500);
        entry.ksbCodes = new ArrayList<>(ksbs);
        entry.status = OffTheJobStatus.PENDING;
        entry.version = 1;
        entry.createdAt = now;
        entry.createdBy = stamp;
        entry.updatedAt = now;
        entry.xapi = origin;
        // off-the-job.created in the inserted document, like the draft evidence's event.
        events.offTheJob(entry, EventTypes.OFF_THE_JOB_CREATED, "created", a);
        if (insertOnce(() -> offTheJob.insertBeforeItsAuditEvent(entry), "off-the-job entry", origin.statementId)) {
            audit.changedByLms(entry.createdBy.subject, entry.providerUkprn, "off-the-job.created", entry);
        }
    }

    /** False when the record exists already (a retry, or the enrolment hook and a resend met). */
    private static boolean insertOnce(Runnable insert, String what, String statementId) {
        try {
            insert.run();
            Log.infof("xAPI statement %s made a draft %s", statementId, what);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return false;
        }
    }

    /** A record id derived from the statement id: the primary key makes the conversion idempotent. */
    static ObjectId idFor(String kind, String statementId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((kind + "|" + statementId.toLowerCase(java.util.Locale.ROOT))
                            .getBytes(StandardCharsets.UTF_8));
            return new ObjectId(Arrays.copyOf(digest, 12));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> ksbCodes(List<String> values) {
        Set<String> codes = new LinkedHashSet<>();
        values.forEach(code -> codes.add(code.trim().toUpperCase(java.util.Locale.ROOT)));
        return List.copyOf(codes);
    }

    static List<String> ksbCodes(JsonNode value) {
        Set<String> codes = new LinkedHashSet<>();
        if (value != null && value.isArray()) {
            value.forEach(code -> {
                if (code.isTextual() && !code.asText().isBlank()) {
                    codes.add(code.asText().trim().toUpperCase(java.util.Locale.ROOT));
                }
            });
        }
        return List.copyOf(codes);
    }

    private static Evidence.XapiOrigin origin(JsonNode statement) {
        Evidence.XapiOrigin o = new Evidence.XapiOrigin();
        o.statementId = statement.path("id").asText();
        o.verbId = statement.path("verb").path("id").asText();
        o.activityId = statement.path("object").path("id").asText();
        JsonNode result = statement.path("result");
        o.success = result.has("success") ? result.get("success").asBoolean() : null;
        o.completion = result.has("completion") ? result.get("completion").asBoolean() : null;
        JsonNode score = result.path("score");
        o.scoreScaled = score.has("scaled") ? score.get("scaled").asDouble() : null;
        o.scoreRaw = score.has("raw") ? score.get("raw").asDouble() : null;
        o.scoreMin = score.has("min") ? score.get("min").asDouble() : null;
        o.scoreMax = score.has("max") ? score.get("max").asDouble() : null;
        o.duration = result.has("duration") ? result.get("duration").asText() : null;
        return o;
    }

    /** The activity's name (English first), else its id. */
    static String title(JsonNode statement) {
        JsonNode name = statement.path("object").path("definition").path("name");
        for (String tag : List.of("en-GB", "en", "en-US")) {
            if (name.hasNonNull(tag)) {
                return name.get(tag).asText();
            }
        }
        return name.fields().hasNext()
                ? name.fields().next().getValue().asText()
                : statement.path("object").path("id").asText();
    }

    private static String summary(JsonNode statement) {
        JsonNode display = statement.path("verb").path("display");
        String verb = display.hasNonNull("en-GB")
                ? display.get("en-GB").asText()
                : display.hasNonNull("en-US")
                        ? display.get("en-US").asText()
                        : display.hasNonNull("en")
                                ? display.get("en").asText()
                                : statement.path("verb").path("id").asText();
        return "From the LMS (xAPI statement " + statement.path("id").asText() + "): " + verb + " " + title(statement)
                + ".";
    }

    /** The statement's timestamp as a date in London (when the learning happened). */
    private static LocalDate date(JsonNode statement) {
        String timestamp = StatementFormats.instant(statement.path("timestamp").asText());
        try {
            return LocalDate.ofInstant(Instant.parse(timestamp), Stamps.LONDON);
        } catch (RuntimeException e) {
            return LocalDate.ofInstant(
                    OffsetDateTime.parse(statement.path("stored").asText()).toInstant(), Stamps.LONDON);
        }
    }

    /**
     * An ISO 8601 duration in hundredths of an hour; years, months and weeks are not working time and count zero
     * (a statement reporting them is not a plausible off-the-job session).
     */
    static long hundredths(String duration) {
        if (duration == null) {
            return 0;
        }
        Matcher m = DURATION.matcher(duration);
        if (!m.matches() || m.group(1) != null || m.group(2) != null || m.group(3) != null) {
            return 0;
        }
        BigDecimal hours = part(m.group(4))
                .multiply(BigDecimal.valueOf(24))
                .add(part(m.group(5)))
                .add(part(m.group(6)).divide(BigDecimal.valueOf(60), 10, RoundingMode.HALF_UP))
                .add(part(m.group(7)).divide(BigDecimal.valueOf(3600), 10, RoundingMode.HALF_UP));
        return hours.multiply(BigDecimal.valueOf(100))
                .setScale(0, RoundingMode.HALF_UP)
                .longValueExact();
    }

    private static BigDecimal part(String value) {
        return value == null ? BigDecimal.ZERO : new BigDecimal(value.replace(',', '.'));
    }

    private StampDoc stamp(JsonNode authority, JsonNode statement) {
        String subject = authority == null
                ? null
                : authority.path("account").path("name").asText(null);
        String name = authority == null ? null : authority.path("name").asText(subject);
        return StampDoc.of(new Stamp(
                subject,
                name,
                Roles.LMS_INTEGRATION,
                null,
                null,
                clock.instant().truncatedTo(ChronoUnit.MILLIS)));
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
