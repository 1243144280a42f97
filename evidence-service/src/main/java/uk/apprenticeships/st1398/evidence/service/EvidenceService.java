package uk.apprenticeships.st1398.evidence.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.types.ObjectId;
import uk.apprenticeships.st1398.evidence.api.EvidenceRequest;
import uk.apprenticeships.st1398.evidence.api.EvidenceResponse;
import uk.apprenticeships.st1398.evidence.api.ProviderEvidenceItem;
import uk.apprenticeships.st1398.evidence.api.WorkflowRequest;
import uk.apprenticeships.st1398.evidence.domain.Apprentice;
import uk.apprenticeships.st1398.evidence.domain.ApprenticeStatus;
import uk.apprenticeships.st1398.evidence.domain.Evidence;
import uk.apprenticeships.st1398.evidence.domain.EvidenceContent;
import uk.apprenticeships.st1398.evidence.domain.EvidenceKind;
import uk.apprenticeships.st1398.evidence.domain.EvidenceRevision;
import uk.apprenticeships.st1398.evidence.domain.EvidenceStatus;
import uk.apprenticeships.st1398.evidence.domain.IdempotencyRecord;
import uk.apprenticeships.st1398.evidence.domain.StampDoc;
import uk.apprenticeships.st1398.evidence.domain.WorkflowAction;
import uk.apprenticeships.st1398.evidence.domain.WorkflowStep;
import uk.apprenticeships.st1398.evidence.events.EvidenceEvents;
import uk.apprenticeships.st1398.evidence.mapping.EvidenceMapper;
import uk.apprenticeships.st1398.evidence.repository.ApprenticeRepository;
import uk.apprenticeships.st1398.evidence.repository.CoverageSummaryRepository.Contribution;
import uk.apprenticeships.st1398.evidence.repository.EvidenceRepository;
import uk.apprenticeships.st1398.evidence.repository.IdempotencyRepository;
import uk.apprenticeships.st1398.platform.api.PageRequest;
import uk.apprenticeships.st1398.platform.api.PageResponse;
import uk.apprenticeships.st1398.platform.problem.ApiException;
import uk.apprenticeships.st1398.platform.problem.Problem.Violation;
import uk.apprenticeships.st1398.platform.security.Caller;

/**
 * Evidence items and their review workflow. Every change reads the item, decides, and writes it back with one
 * conditional replace on its {@code version}; a concurrent change makes the write fail with 409 and nothing is
 * half-applied.
 */
@ApplicationScoped
public class EvidenceService {

    /** A create's result; {@code replayed} when an Idempotency-Key retry returned the first attempt's response. */
    public record Created(EvidenceResponse evidence, boolean replayed) {}

    private final ApprenticeRepository apprentices;
    private final EvidenceRepository evidence;
    private final IdempotencyRepository keys;
    private final KsbCheck ksbCheck;
    private final ObjectMapper json;
    private final AuditTrail audit;
    private final Stamps stamps;

    private final EvidenceEvents events;
    private final CoverageSummaries coverage;

    public EvidenceService(
            ApprenticeRepository apprentices,
            EvidenceRepository evidence,
            IdempotencyRepository keys,
            KsbCheck ksbCheck,
            ObjectMapper json,
            AuditTrail audit,
            Stamps stamps,
            EvidenceEvents events,
            CoverageSummaries coverage) {
        this.events = events;
        this.coverage = coverage;
        this.stamps = stamps;
        this.apprentices = apprentices;
        this.evidence = evidence;
        this.keys = keys;
        this.ksbCheck = ksbCheck;
        this.json = json;
        this.audit = audit;
    }

    public PageResponse<EvidenceResponse> list(String apprenticeId, String status, String ksbCode, PageRequest page) {
        Caller caller = stamps.caller();
        Apprentice a = apprentice(caller, apprenticeId);
        boolean employer = employerOnly(caller);
        return PageResponse.of(
                evidence.list(a.id, status == null ? null : EvidenceStatus.of(status), ksbCode, employer, page),
                EvidenceMapper::toResponse,
                page,
                evidence.count(a.id, status == null ? null : EvidenceStatus.of(status), ksbCode, employer));
    }

    /**
     * A page of the provider's evidence with this status (null: any), least recently changed first, of the
     * provider's apprentices with one of {@code apprenticeStatuses} (empty: any) and not being erased. Evidence
     * carries its provider, but not its apprentice's status, so the apprentices' ids are read first (one query,
     * ids only), then the page and its count (one query each, {@code $in} those ids), then the page's apprentices'
     * names (one query): four queries whatever the size of the provider. Admins and the provider's own staff.
     */
    public PageResponse<ProviderEvidenceItem> forProvider(
            String ukprn, String status, Set<ApprenticeStatus> apprenticeStatuses, PageRequest page) {
        ApprenticeAccess.requireProvider(stamps.caller(), ukprn);
        EvidenceStatus wanted = status == null ? null : EvidenceStatus.of(status);
        List<ObjectId> ids = apprentices.idsOfProvider(ukprn, apprenticeStatuses);
        if (ids.isEmpty()) {
            return new PageResponse<>(List.of(), page.page(), page.size(), 0, 0);
        }
        List<Evidence> onPage = evidence.ofProvider(ukprn, ids, wanted, page);
        long total = evidence.countOfProvider(ukprn, ids, wanted);
        Map<ObjectId, Apprentice> names = apprentices.byIds(
                onPage.stream().map(e -> e.apprenticeId).distinct().toList());
        Log.debugf("Evidence of provider %s: %d items of %d apprentices", ukprn, total, ids.size());
        return PageResponse.of(onPage, e -> EvidenceMapper.toProviderItem(e, names.get(e.apprenticeId)), page, total);
    }

    public EvidenceResponse get(String apprenticeId, String evidenceId) {
        Caller caller = stamps.caller();
        return EvidenceMapper.toResponse(load(caller, apprentice(caller, apprenticeId), evidenceId));
    }

    /** Any revision: superseded ones from the item's archive, the newest from the item itself. */
    public EvidenceResponse revision(String apprenticeId, String evidenceId, int revision) {
        Caller caller = stamps.caller();
        Evidence e = load(caller, apprentice(caller, apprenticeId), evidenceId);
        if (revision == e.revision) {
            requireEmployerConfirmed(caller, e, e.content);
            return EvidenceMapper.toResponse(e);
        }
        EvidenceRevision r = superseded(caller, e, revision);
        return EvidenceMapper.toResponse(e, r);
    }

    /** The content of any revision the caller may see: the current one or a superseded one (404 otherwise). */
    EvidenceContent content(Caller caller, Evidence e, int revision) {
        if (revision == e.revision) {
            requireEmployerConfirmed(caller, e, e.content);
            return e.content;
        }
        return superseded(caller, e, revision).content;
    }

    /** A superseded revision the caller may see: 404 when there is none with this number (or it is hidden). */
    EvidenceRevision superseded(Caller caller, Evidence e, int revision) {
        EvidenceRevision found = e.revisions.stream()
                .filter(r -> r.revision == revision)
                .findFirst()
                .orElseThrow(() -> ApiException.of(
                        EvidenceError.EVIDENCE_REVISION_NOT_FOUND,
                        "Evidence " + e.id + " has no revision " + revision + "; its revisions are 1 to " + e.revision
                                + "."));
        requireEmployerConfirmed(caller, e, found.content);
        return found;
    }

    public Created create(String apprenticeId, EvidenceRequest request, String idempotencyKey) {
        Caller caller = stamps.caller();
        Apprentice a = apprentice(caller, apprenticeId);
        if (idempotencyKey == null) {
            ApprenticeAccess.requireOpen(a, "new evidence cannot be added");
            checkContent(a, request);
            return new Created(EvidenceMapper.toResponse(insert(a, newEvidence(new ObjectId(), a, request))), false);
        }
        String hash = hash(apprenticeId, request);
        Optional<Created> replay = replay(caller, idempotencyKey, hash);
        if (replay.isPresent()) {
            // A retry of a create that succeeded is answered as before, even if the apprentice was closed since.
            return replay.get();
        }
        ApprenticeAccess.requireOpen(a, "new evidence cannot be added");
        checkContent(a, request);
        IdempotencyRecord key = new IdempotencyRecord();
        key.caller = caller.subject();
        key.key = idempotencyKey;
        key.requestHash = hash;
        key.evidenceId = new ObjectId();
        key.createdAt = stamps.now();
        if (!keys.insert(key)) {
            // A concurrent attempt with the same key got in first.
            replay = replay(caller, idempotencyKey, hash);
            if (replay.isPresent()) {
                return replay.get();
            }
            key = keys.find(caller.subject(), idempotencyKey).orElseThrow();
        }
        // The evidence id was fixed with the key, so an attempt that died after this point is completed here.
        ObjectId id = key.evidenceId;
        Evidence created = evidence.findByIdOptional(id).orElseGet(() -> insert(a, newEvidence(id, a, request)));
        EvidenceResponse response = EvidenceMapper.toResponse(created);
        keys.complete(key, write(response));
        return new Created(response, false);
    }

    public EvidenceResponse update(String apprenticeId, String evidenceId, EvidenceRequest request) {
        Caller caller = stamps.caller();
        Apprentice a = apprentice(caller, apprenticeId);
        Evidence e = load(a, evidenceId);
        ApprenticeAccess.requireOpen(a, "their evidence cannot change");
        String before = audit.digest(e);
        Contribution counted = Contribution.of(e);
        long read = expect(e, request.version());
        if (e.status == EvidenceStatus.SUBMITTED) {
            throw ApiException.of(
                    EvidenceError.EVIDENCE_SUBMITTED_LOCKED,
                    "Evidence " + evidenceId + " is "
                            + "submitted for review; it can change again once it is accepted (as a new revision) or referred "
                            + "back.");
        }
        checkContent(a, request);
        EvidenceContent content = EvidenceMapper.toContent(request);
        content.file = e.content.file;
        Instant now = stamps.now();
        if (e.status == EvidenceStatus.ACCEPTED) {
            newRevision(e, now);
        } else {
            e.history.add(new WorkflowStep(WorkflowAction.UPDATED, e.status, e.revision, stamps.stamp(now), null));
        }
        e.content = content;
        save(a, e, read, counted, now);
        audited(e, before);
        return EvidenceMapper.toResponse(e);
    }

    public EvidenceResponse workflow(String apprenticeId, String evidenceId, WorkflowRequest request) {
        Caller caller = stamps.caller();
        Apprentice a = apprentice(caller, apprenticeId);
        Evidence e = load(caller, a, evidenceId);
        ApprenticeAccess.requireOpen(a, "no evidence workflow step can be taken");
        String before = audit.digest(e);
        Contribution counted = Contribution.of(e);
        long read = expect(e, request.version());
        Instant now = stamps.now();
        StampDoc stamp = stamps.stamp(now);
        switch (request.action()) {
            case "submit" -> submit(e, caller, stamp);
            case "confirm" -> confirm(e, caller, stamp);
            case "accept" -> accept(e, caller, stamp);
            case "refer-back" -> referBack(e, caller, request.feedback(), stamp);
            default -> throw ApiException.invalid("action", "must be one of submit, confirm, accept, refer-back");
        }
        save(a, e, read, counted, now);
        audited(e, before);
        Log.infof("Evidence %s: %s by %s, now %s", e.id, request.action(), caller.subject(), e.status);
        return EvidenceMapper.toResponse(e);
    }

    private static void submit(Evidence e, Caller caller, StampDoc stamp) {
        requirePermission(caller, "submit", EvidencePermissions.EVIDENCE_SUBMIT);
        requireMove(e, "submit", EvidenceStatus.SUBMITTED);
        if (e.content.kind.needsFile() && e.content.file == null) {
            throw ApiException.of(
                    EvidenceError.EVIDENCE_FILE_MISSING,
                    "Evidence of kind file needs its file " + "uploaded before it is submitted.");
        }
        WorkflowAction action =
                e.status == EvidenceStatus.REFERRED_BACK ? WorkflowAction.RESUBMITTED : WorkflowAction.SUBMITTED;
        e.status = EvidenceStatus.SUBMITTED;
        e.employerConfirmation = null;
        e.history.add(new WorkflowStep(action, e.status, e.revision, stamp, null));
    }

    /** The employer's confirmation changes no status: it is a condition of the acceptance. */
    private static void confirm(Evidence e, Caller caller, StampDoc stamp) {
        requirePermission(caller, "confirm", EvidencePermissions.EVIDENCE_CONFIRM);
        if (e.status != EvidenceStatus.SUBMITTED) {
            throw outOfOrder(e, "confirm", EvidenceStatus.SUBMITTED.value());
        }
        if (!e.content.employerConfirmationRequired) {
            throw ApiException.of(
                    EvidenceError.EMPLOYER_CONFIRMATION_NOT_REQUESTED,
                    "Evidence " + e.id + " does not ask for employer confirmation.");
        }
        if (e.employerConfirmation != null) {
            throw ApiException.of(
                    EvidenceError.EMPLOYER_CONFIRMATION_ALREADY_GIVEN,
                    "The employer has already " + "confirmed this submission.");
        }
        e.employerConfirmation = new WorkflowStep(WorkflowAction.CONFIRMED, e.status, e.revision, stamp, null);
        e.history.add(e.employerConfirmation);
    }

    private static void accept(Evidence e, Caller caller, StampDoc stamp) {
        requirePermission(caller, "accept", EvidencePermissions.EVIDENCE_REVIEW);
        requireMove(e, "accept", EvidenceStatus.ACCEPTED);
        if (e.content.employerConfirmationRequired && e.employerConfirmation == null) {
            throw ApiException.of(
                    EvidenceError.EMPLOYER_CONFIRMATION_MISSING,
                    "Evidence " + e.id + " needs the " + "employer's confirmation before it can be accepted.");
        }
        e.status = EvidenceStatus.ACCEPTED;
        e.history.add(new WorkflowStep(WorkflowAction.ACCEPTED, e.status, e.revision, stamp, null));
    }

    private static void referBack(Evidence e, Caller caller, String feedback, StampDoc stamp) {
        requirePermission(caller, "refer-back", EvidencePermissions.EVIDENCE_REVIEW);
        if (feedback == null || feedback.isBlank()) {
            throw ApiException.invalid("feedback", "is required when referring evidence back");
        }
        requireMove(e, "refer-back", EvidenceStatus.REFERRED_BACK);
        e.status = EvidenceStatus.REFERRED_BACK;
        e.employerConfirmation = null;
        e.history.add(new WorkflowStep(WorkflowAction.REFERRED_BACK, e.status, e.revision, stamp, feedback.strip()));
    }

    /**
     * Archives the current (accepted) revision and opens the next one as a draft: accepted evidence itself never
     * changes.
     */
    void newRevision(Evidence e, Instant now) {
        StampDoc stamp = stamps.stamp(now);
        EvidenceRevision old = new EvidenceRevision();
        old.revision = e.revision;
        old.status = e.status;
        old.content = e.content;
        old.employerConfirmation = e.employerConfirmation;
        old.superseded = stamp;
        e.revisions.add(old);
        e.revision++;
        e.status = EvidenceStatus.DRAFT;
        e.content = e.content.copy();
        e.employerConfirmation = null;
        e.history.add(new WorkflowStep(WorkflowAction.REVISED, e.status, e.revision, stamp, null));
    }

    /** The apprentice if the caller's tenant may see them; otherwise 404, exactly as if there were none. */
    Apprentice apprentice(Caller caller, String apprenticeId) {
        return ApprenticeAccess.visible(apprentices, caller, apprenticeId);
    }

    Evidence load(Apprentice a, String evidenceId) {
        return evidence.findFor(a.id, new ObjectId(evidenceId)).orElseThrow(() -> notFound(a, evidenceId));
    }

    /**
     * The item if the caller may see it. Employers see only evidence that asks (or, in an earlier revision, asked)
     * for their confirmation; any other item answers 404 exactly as if there were none.
     */
    Evidence load(Caller caller, Apprentice a, String evidenceId) {
        Evidence e = load(a, evidenceId);
        if (employerOnly(caller)
                && !e.content.employerConfirmationRequired
                && e.revisions.stream().noneMatch(r -> r.content.employerConfirmationRequired)) {
            throw notFound(a, evidenceId);
        }
        return e;
    }

    private static ApiException notFound(Apprentice a, String evidenceId) {
        return ApiException.of(
                EvidenceError.EVIDENCE_NOT_FOUND, "Apprentice " + a.id + " has no evidence " + evidenceId + ".");
    }

    private static void requireEmployerConfirmed(Caller caller, Evidence e, EvidenceContent content) {
        if (employerOnly(caller) && !content.employerConfirmationRequired) {
            throw ApiException.of(
                    EvidenceError.EVIDENCE_REVISION_NOT_FOUND,
                    "Evidence " + e.id + " has no revision " + "you can see with this number.");
        }
    }

    private static boolean employerOnly(Caller caller) {
        return Tenancy.of(caller).kind() == Tenancy.Kind.EMPLOYER;
    }

    /** The version read, after checking it against the one the client says it last saw. */
    static long expect(Evidence e, Long clientVersion) {
        return Versions.expect("Evidence " + e.id, e.version, clientVersion);
    }

    /**
     * Stores the changed item if it is still as read ({@code read}: its version then; {@code before}: what it counted
     * for then, {@link Contribution#of(Evidence)} taken before changing it).
     */
    void save(Apprentice a, Evidence e, long read, Contribution before, Instant now) {
        e.version = read + 1;
        e.updatedAt = now;
        events.evidence(e, a);
        boolean saved = coverage.around(
                e.apprenticeId,
                e.providerUkprn,
                e.standardVersion,
                before,
                Contribution.of(e),
                () -> evidence.replaceIfUnchanged(e, read));
        if (!saved) {
            throw ApiException.of(
                    EvidenceError.CONCURRENT_CHANGE,
                    "Evidence " + e.id + " was changed by someone "
                            + "else at the same time; nothing was saved. Read it again and retry.");
        }
    }

    /** The audit event of a stored change: its action is the workflow step it added ({@code evidence.accepted}). */
    void audited(Evidence e, String before) {
        audit.changed("evidence." + e.history.get(e.history.size() - 1).action.value(), e, before);
    }

    String digest(Evidence e) {
        return audit.digest(e);
    }

    private Optional<Created> replay(Caller caller, String idempotencyKey, String hash) {
        Optional<IdempotencyRecord> found = keys.find(caller.subject(), idempotencyKey);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        IdempotencyRecord key = found.get();
        if (!key.requestHash.equals(hash)) {
            throw ApiException.of(
                    EvidenceError.IDEMPOTENCY_KEY_REUSED,
                    "Idempotency-Key '" + idempotencyKey
                            + "' was already used for a different request; use a new key for a new request.");
        }
        if (key.response != null) {
            return Optional.of(new Created(read(key.response), true));
        }
        return evidence.findByIdOptional(key.evidenceId).map(e -> {
            EvidenceResponse response = EvidenceMapper.toResponse(e);
            keys.complete(key, write(response));
            return new Created(response, true);
        });
    }

    private void checkContent(Apprentice a, EvidenceRequest request) {
        List<Violation> violations = new ArrayList<>();
        EvidenceKind kind = EvidenceKind.of(request.kind());
        if (kind.needsUrl() && (request.url() == null || request.url().isBlank())) {
            violations.add(new Violation("url", "is required for kind link"));
        }
        if (kind.needsText() && (request.text() == null || request.text().isBlank())) {
            violations.add(new Violation("text", "is required for kind " + request.kind()));
        }
        if (violations.size() == 1) {
            throw ApiException.invalid(
                    "1 input is invalid: " + violations.get(0).field() + " "
                            + violations.get(0).message(),
                    violations);
        } else if (!violations.isEmpty()) {
            throw ApiException.invalid(violations.size() + " inputs are invalid; see violations", violations);
        }
        ksbCheck.require(a.standardVersion, request.ksbCodes());
    }

    private Evidence newEvidence(ObjectId id, Apprentice a, EvidenceRequest request) {
        Instant now = stamps.now();
        StampDoc stamp = stamps.stamp(now);
        Evidence e = new Evidence();
        e.id = id;
        e.apprenticeId = a.id;
        e.providerUkprn = a.providerUkprn;
        e.employerId = a.employerId;
        e.uln = a.uln;
        e.standardVersion = a.standardVersion;
        e.revision = 1;
        e.version = 1;
        e.status = EvidenceStatus.DRAFT;
        e.content = EvidenceMapper.toContent(request);
        e.history.add(new WorkflowStep(WorkflowAction.CREATED, e.status, 1, stamp, null));
        e.createdAt = now;
        e.createdBy = stamp;
        e.updatedAt = now;
        return e;
    }

    private Evidence insert(Apprentice a, Evidence e) {
        try {
            events.evidence(e, a);
            coverage.around(
                    e.apprenticeId, e.providerUkprn, e.standardVersion, Contribution.NONE, Contribution.of(e), () -> {
                        evidence.insertBeforeItsAuditEvent(e);
                        return true;
                    });
        } catch (MongoWriteException ex) {
            if (ex.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                // A concurrent retry with the same Idempotency-Key inserted it first. Its insert may not be journaled
                // yet: the caller's journaled completion of the key (create) makes it durable before this answers.
                return evidence.findByIdOptional(e.id).orElseThrow();
            }
            throw ex;
        }
        audited(e, null);
        Log.infof("Created evidence %s for apprentice %s", e.id, e.apprenticeId);
        return e;
    }

    private static void requirePermission(Caller caller, String action, String permission) {
        if (!caller.may(permission)) {
            throw ApiException.of(
                            EvidenceError.WORKFLOW_STEP_FORBIDDEN,
                            "Your roles do not allow '" + action + "' (needs the permission " + permission + ").")
                    .with("permission", permission);
        }
    }

    /** 409 unless the item's status may move to {@code next} ({@link EvidenceStatus#canMoveTo}). */
    private static void requireMove(Evidence e, String action, EvidenceStatus next) {
        if (!e.status.canMoveTo(next)) {
            throw outOfOrder(
                    e,
                    action,
                    String.join(
                            " or ",
                            java.util.Arrays.stream(EvidenceStatus.values())
                                    .filter(s -> s.canMoveTo(next))
                                    .map(EvidenceStatus::value)
                                    .toList()));
        }
    }

    private static ApiException outOfOrder(Evidence e, String action, String from) {
        return ApiException.of(
                        EvidenceError.WORKFLOW_STEP_NOT_ALLOWED,
                        "Cannot " + action + " evidence that is " + e.status + "; '" + action + "' applies to " + from
                                + " evidence. Nothing was changed.")
                .with("evidenceStatus", e.status.value());
    }

    private String hash(String apprenticeId, EvidenceRequest request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(apprenticeId.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
            sha.update(json.writeValueAsBytes(request));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(EvidenceResponse response) {
        try {
            return json.writeValueAsString(response);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private EvidenceResponse read(String response) {
        try {
            return json.readValue(response, EvidenceResponse.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
