package uk.apprenticeships.st1398.evidence.service;

import static uk.apprenticeships.st1398.evidence.service.CallerScope.ADMIN;
import static uk.apprenticeships.st1398.evidence.service.CallerScope.APPRENTICE;
import static uk.apprenticeships.st1398.evidence.service.CallerScope.EMPLOYER;
import static uk.apprenticeships.st1398.evidence.service.CallerScope.TUTOR;

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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.types.ObjectId;
import uk.apprenticeships.st1398.evidence.api.EvidenceRequest;
import uk.apprenticeships.st1398.evidence.api.EvidenceResponse;
import uk.apprenticeships.st1398.evidence.api.WorkflowRequest;
import uk.apprenticeships.st1398.evidence.client.KsbCatalogue;
import uk.apprenticeships.st1398.evidence.domain.Apprentice;
import uk.apprenticeships.st1398.evidence.domain.Evidence;
import uk.apprenticeships.st1398.evidence.domain.EvidenceContent;
import uk.apprenticeships.st1398.evidence.domain.EvidenceRevision;
import uk.apprenticeships.st1398.evidence.domain.IdempotencyRecord;
import uk.apprenticeships.st1398.evidence.domain.WorkflowStep;
import uk.apprenticeships.st1398.evidence.mapping.EvidenceMapper;
import uk.apprenticeships.st1398.evidence.repository.ApprenticeRepository;
import uk.apprenticeships.st1398.evidence.repository.EvidenceRepository;
import uk.apprenticeships.st1398.evidence.repository.IdempotencyRepository;
import uk.apprenticeships.st1398.platform.api.PageRequest;
import uk.apprenticeships.st1398.platform.api.PageResponse;
import uk.apprenticeships.st1398.platform.problem.ApiException;
import uk.apprenticeships.st1398.platform.problem.Problem.Violation;

/**
 * Evidence items and their review workflow. Every change reads the item, decides, and writes it back with one
 * conditional replace on its {@code version}; a concurrent change makes the write fail with 409 and nothing is
 * half-applied.
 */
@ApplicationScoped
public class EvidenceService {

    public static final String DRAFT = "draft";
    public static final String SUBMITTED = "submitted";
    public static final String REFERRED_BACK = "referred-back";
    public static final String ACCEPTED = "accepted";

    /** A create's result; {@code replayed} when an Idempotency-Key retry returned the first attempt's response. */
    public record Created(EvidenceResponse evidence, boolean replayed) {
    }

    private final ApprenticeRepository apprentices;
    private final EvidenceRepository evidence;
    private final IdempotencyRepository keys;
    private final KsbCatalogue ksbs;
    private final ObjectMapper json;
    private final AuditTrail audit;

    public EvidenceService(ApprenticeRepository apprentices, EvidenceRepository evidence, IdempotencyRepository keys,
            KsbCatalogue ksbs, ObjectMapper json, AuditTrail audit) {
        this.apprentices = apprentices;
        this.evidence = evidence;
        this.keys = keys;
        this.ksbs = ksbs;
        this.json = json;
        this.audit = audit;
    }

    public PageResponse<EvidenceResponse> list(EvidenceCaller caller, String apprenticeId, String status,
            String ksbCode, PageRequest page) {
        Apprentice a = apprentice(caller, apprenticeId);
        boolean employer = employerOnly(caller);
        return PageResponse.of(evidence.list(a.id, status, ksbCode, employer, page), EvidenceMapper::toResponse,
                page, evidence.count(a.id, status, ksbCode, employer));
    }

    public EvidenceResponse get(EvidenceCaller caller, String apprenticeId, String evidenceId) {
        return EvidenceMapper.toResponse(load(caller, apprentice(caller, apprenticeId), evidenceId));
    }

    /** Any revision: superseded ones from the item's archive, the newest from the item itself. */
    public EvidenceResponse revision(EvidenceCaller caller, String apprenticeId, String evidenceId, int revision) {
        Evidence e = load(caller, apprentice(caller, apprenticeId), evidenceId);
        if (revision == e.revision) {
            requireEmployerConfirmed(caller, e, e.content);
            return EvidenceMapper.toResponse(e);
        }
        EvidenceRevision r = superseded(caller, e, revision);
        return EvidenceMapper.toResponse(e, r);
    }

    /** The content of any revision the caller may see: the current one or a superseded one (404 otherwise). */
    EvidenceContent content(EvidenceCaller caller, Evidence e, int revision) {
        if (revision == e.revision) {
            requireEmployerConfirmed(caller, e, e.content);
            return e.content;
        }
        return superseded(caller, e, revision).content;
    }

    /** A superseded revision the caller may see: 404 when there is none with this number (or it is hidden). */
    EvidenceRevision superseded(EvidenceCaller caller, Evidence e, int revision) {
        EvidenceRevision found = e.revisions.stream().filter(r -> r.revision == revision).findFirst()
                .orElseThrow(() -> ApiException.notFound("Evidence " + e.id + " has no revision " + revision
                        + "; its revisions are 1 to " + e.revision + "."));
        requireEmployerConfirmed(caller, e, found.content);
        return found;
    }

    public Created create(EvidenceCaller caller, String apprenticeId, EvidenceRequest request,
            String idempotencyKey) {
        Apprentice a = apprentice(caller, apprenticeId);
        if (idempotencyKey == null) {
            ApprenticeAccess.requireOpen(a, "new evidence cannot be added");
            checkContent(a, request);
            return new Created(EvidenceMapper.toResponse(insert(newEvidence(new ObjectId(), a, request, caller))),
                    false);
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
        key.caller = caller.actor();
        key.key = idempotencyKey;
        key.requestHash = hash;
        key.evidenceId = new ObjectId();
        key.createdAt = now();
        if (!keys.insert(key)) {
            // A concurrent attempt with the same key got in first.
            replay = replay(caller, idempotencyKey, hash);
            if (replay.isPresent()) {
                return replay.get();
            }
            key = keys.find(caller.actor(), idempotencyKey).orElseThrow();
        }
        // The evidence id was fixed with the key, so an attempt that died after this point is completed here.
        ObjectId id = key.evidenceId;
        Evidence created = evidence.findByIdOptional(id)
                .orElseGet(() -> insert(newEvidence(id, a, request, caller)));
        EvidenceResponse response = EvidenceMapper.toResponse(created);
        keys.complete(key, write(response));
        return new Created(response, false);
    }

    public EvidenceResponse update(EvidenceCaller caller, String apprenticeId, String evidenceId,
            EvidenceRequest request) {
        Apprentice a = apprentice(caller, apprenticeId);
        Evidence e = load(a, evidenceId);
        ApprenticeAccess.requireOpen(a, "their evidence cannot change");
        String before = audit.digest(e);
        long read = expect(e, request.version());
        if (SUBMITTED.equals(e.status)) {
            throw ApiException.conflict("Evidence " + evidenceId + " is submitted for review; it can change again "
                    + "once it is accepted (as a new revision) or referred back.");
        }
        checkContent(a, request);
        EvidenceContent content = EvidenceMapper.toContent(request);
        content.file = e.content.file;
        Instant now = now();
        if (ACCEPTED.equals(e.status)) {
            newRevision(e, caller, now);
        } else {
            e.history.add(new WorkflowStep("updated", e.status, e.revision, caller.actor(), now, null));
        }
        e.content = content;
        save(e, read, now);
        audited(e, before);
        return EvidenceMapper.toResponse(e);
    }

    public EvidenceResponse workflow(EvidenceCaller caller, String apprenticeId, String evidenceId,
            WorkflowRequest request) {
        Apprentice a = apprentice(caller, apprenticeId);
        Evidence e = load(caller, a, evidenceId);
        ApprenticeAccess.requireOpen(a, "no evidence workflow step can be taken");
        String before = audit.digest(e);
        long read = expect(e, request.version());
        Instant now = now();
        switch (request.action()) {
            case "submit" -> submit(e, caller, now);
            case "confirm" -> confirm(e, caller, now);
            case "accept" -> accept(e, caller, now);
            case "refer-back" -> referBack(e, caller, request.feedback(), now);
            default -> throw ApiException.invalid("action", "must be one of submit, confirm, accept, refer-back");
        }
        save(e, read, now);
        audited(e, before);
        Log.infof("Evidence %s: %s by %s, now %s", e.id, request.action(), caller.actor(), e.status);
        return EvidenceMapper.toResponse(e);
    }

    private static void submit(Evidence e, EvidenceCaller caller, Instant now) {
        requireRole(caller, "submit", APPRENTICE, TUTOR, ADMIN);
        if (!DRAFT.equals(e.status) && !REFERRED_BACK.equals(e.status)) {
            throw outOfOrder(e, "submit", "draft or referred-back");
        }
        if ("file".equals(e.content.kind) && e.content.file == null) {
            throw ApiException.conflict("Evidence of kind file needs its file uploaded before it is submitted.");
        }
        String action = REFERRED_BACK.equals(e.status) ? "resubmitted" : "submitted";
        e.status = SUBMITTED;
        e.employerConfirmation = null;
        e.history.add(new WorkflowStep(action, SUBMITTED, e.revision, caller.actor(), now, null));
    }

    private static void confirm(Evidence e, EvidenceCaller caller, Instant now) {
        requireRole(caller, "confirm", EMPLOYER);
        if (!SUBMITTED.equals(e.status)) {
            throw outOfOrder(e, "confirm", "submitted");
        }
        if (!e.content.employerConfirmationRequired) {
            throw ApiException.conflict("Evidence " + e.id + " does not ask for employer confirmation.");
        }
        if (e.employerConfirmation != null) {
            throw ApiException.conflict("The employer has already confirmed this submission.");
        }
        e.employerConfirmation = new WorkflowStep("confirmed", SUBMITTED, e.revision, caller.actor(), now, null);
        e.history.add(e.employerConfirmation);
    }

    private static void accept(Evidence e, EvidenceCaller caller, Instant now) {
        requireRole(caller, "accept", TUTOR, ADMIN);
        if (!SUBMITTED.equals(e.status)) {
            throw outOfOrder(e, "accept", "submitted");
        }
        if (e.content.employerConfirmationRequired && e.employerConfirmation == null) {
            throw ApiException.conflict("Evidence " + e.id + " needs the employer's confirmation before it can be "
                    + "accepted.");
        }
        e.status = ACCEPTED;
        e.history.add(new WorkflowStep("accepted", ACCEPTED, e.revision, caller.actor(), now, null));
    }

    private static void referBack(Evidence e, EvidenceCaller caller, String feedback, Instant now) {
        requireRole(caller, "refer-back", TUTOR, ADMIN);
        if (feedback == null || feedback.isBlank()) {
            throw ApiException.invalid("feedback", "is required when referring evidence back");
        }
        if (!SUBMITTED.equals(e.status)) {
            throw outOfOrder(e, "refer-back", "submitted");
        }
        e.status = REFERRED_BACK;
        e.employerConfirmation = null;
        e.history.add(new WorkflowStep("referred-back", REFERRED_BACK, e.revision, caller.actor(), now,
                feedback.strip()));
    }

    /**
     * Archives the current (accepted) revision and opens the next one as a draft: accepted evidence itself never
     * changes.
     */
    void newRevision(Evidence e, EvidenceCaller caller, Instant now) {
        EvidenceRevision old = new EvidenceRevision();
        old.revision = e.revision;
        old.status = e.status;
        old.content = e.content;
        old.employerConfirmation = e.employerConfirmation;
        old.supersededAt = now;
        old.supersededBy = caller.actor();
        e.revisions.add(old);
        e.revision++;
        e.status = DRAFT;
        e.content = e.content.copy();
        e.employerConfirmation = null;
        e.history.add(new WorkflowStep("revised", DRAFT, e.revision, caller.actor(), now, null));
    }

    /** The apprentice if the caller's tenant may see them; otherwise 404, exactly as if there were none. */
    Apprentice apprentice(EvidenceCaller caller, String apprenticeId) {
        return ApprenticeAccess.visible(apprentices, caller.scope(), apprenticeId);
    }

    Evidence load(Apprentice a, String evidenceId) {
        return evidence.findFor(a.id, new ObjectId(evidenceId))
                .orElseThrow(() -> ApiException.notFound("Apprentice " + a.id + " has no evidence " + evidenceId + "."));
    }

    /**
     * The item if the caller may see it. Employers see only evidence that asks (or, in an earlier revision, asked)
     * for their confirmation; any other item answers 404 exactly as if there were none.
     */
    Evidence load(EvidenceCaller caller, Apprentice a, String evidenceId) {
        Evidence e = load(a, evidenceId);
        if (employerOnly(caller) && !e.content.employerConfirmationRequired
                && e.revisions.stream().noneMatch(r -> r.content.employerConfirmationRequired)) {
            throw ApiException.notFound("Apprentice " + a.id + " has no evidence " + evidenceId + ".");
        }
        return e;
    }

    private static void requireEmployerConfirmed(EvidenceCaller caller, Evidence e, EvidenceContent content) {
        if (employerOnly(caller) && !content.employerConfirmationRequired) {
            throw ApiException.notFound("Evidence " + e.id + " has no revision you can see with this number.");
        }
    }

    private static boolean employerOnly(EvidenceCaller caller) {
        return caller.scope().tenant() == CallerScope.Tenant.EMPLOYER;
    }

    /** The version read, after checking it against the one the client says it last saw. */
    static long expect(Evidence e, Long clientVersion) {
        return Versions.expect("Evidence " + e.id, e.version, clientVersion);
    }

    void save(Evidence e, long read, Instant now) {
        e.version = read + 1;
        e.updatedAt = now;
        if (!evidence.replaceIfUnchanged(e, read)) {
            throw ApiException.conflict("Evidence " + e.id + " was changed by someone else at the same time; "
                    + "nothing was saved. Read it again and retry.");
        }
    }

    /** The audit event of a stored change: its action is the workflow step it added ({@code evidence.accepted}). */
    void audited(Evidence e, String before) {
        audit.changed("evidence." + e.history.get(e.history.size() - 1).action, e, before);
    }

    String digest(Evidence e) {
        return audit.digest(e);
    }

    static Instant now() {
        // BSON dates hold milliseconds; truncating makes responses equal every later read.
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private Optional<Created> replay(EvidenceCaller caller, String idempotencyKey, String hash) {
        Optional<IdempotencyRecord> found = keys.find(caller.actor(), idempotencyKey);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        IdempotencyRecord key = found.get();
        if (!key.requestHash.equals(hash)) {
            throw ApiException.unprocessable("Idempotency-Key '" + idempotencyKey + "' was already used for a "
                    + "different request; use a new key for a new request.", null);
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
        if ("link".equals(request.kind()) && (request.url() == null || request.url().isBlank())) {
            violations.add(new Violation("url", "is required for kind link"));
        }
        if (Set.of("reflection", "observation", "witness-statement").contains(request.kind())
                && (request.text() == null || request.text().isBlank())) {
            violations.add(new Violation("text", "is required for kind " + request.kind()));
        }
        if (violations.size() == 1) {
            throw ApiException.invalid("1 input is invalid: " + violations.get(0).field() + " "
                    + violations.get(0).message(), violations);
        } else if (!violations.isEmpty()) {
            throw ApiException.invalid(violations.size() + " inputs are invalid; see violations", violations);
        }
        Set<String> valid = ksbs.codes(a.standardVersion);
        List<String> unknown = request.ksbCodes().stream().filter(c -> !valid.contains(c)).distinct().toList();
        if (!unknown.isEmpty()) {
            Map<String, Object> extensions = new LinkedHashMap<>();
            extensions.put("unknownKsbCodes", unknown);
            extensions.put("validKsbCodes", List.copyOf(valid));
            throw ApiException.unprocessable("KSB codes " + unknown + " are not in " + a.standardVersion
                    + ", the apprentice's standard version; see validKsbCodes.", extensions);
        }
    }

    private static Evidence newEvidence(ObjectId id, Apprentice a, EvidenceRequest request, EvidenceCaller caller) {
        Instant now = now();
        Evidence e = new Evidence();
        e.id = id;
        e.apprenticeId = a.id;
        e.providerUkprn = a.providerUkprn;
        e.employerId = a.employerId;
        e.uln = a.uln;
        e.standardVersion = a.standardVersion;
        e.revision = 1;
        e.version = 1;
        e.status = DRAFT;
        e.content = EvidenceMapper.toContent(request);
        e.history.add(new WorkflowStep("created", DRAFT, 1, caller.actor(), now, null));
        e.createdAt = now;
        e.createdBy = caller.actor();
        e.updatedAt = now;
        return e;
    }

    private Evidence insert(Evidence e) {
        try {
            evidence.persist(e);
        } catch (MongoWriteException ex) {
            if (ex.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                // A concurrent retry with the same Idempotency-Key inserted it first.
                return evidence.findByIdOptional(e.id).orElseThrow();
            }
            throw ex;
        }
        audited(e, null);
        Log.infof("Created evidence %s for apprentice %s", e.id, e.apprenticeId);
        return e;
    }

    private static void requireRole(EvidenceCaller caller, String action, String... roles) {
        for (String role : roles) {
            if (caller.has(role)) {
                return;
            }
        }
        throw ApiException.forbidden("Your roles do not allow '" + action + "' (needs one of "
                + String.join(", ", roles) + ").");
    }

    private static ApiException outOfOrder(Evidence e, String action, String from) {
        return ApiException.conflict("Cannot " + action + " evidence that is " + e.status + "; '" + action
                + "' applies to " + from + " evidence. Nothing was changed.");
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
