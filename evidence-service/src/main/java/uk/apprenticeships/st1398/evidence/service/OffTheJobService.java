package uk.apprenticeships.st1398.evidence.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.types.ObjectId;
import uk.apprenticeships.st1398.evidence.api.OffTheJobRequest;
import uk.apprenticeships.st1398.evidence.api.OffTheJobResponse;
import uk.apprenticeships.st1398.evidence.api.OffTheJobSummaryResponse;
import uk.apprenticeships.st1398.evidence.api.ProviderOffTheJobSummary;
import uk.apprenticeships.st1398.evidence.client.OffTheJobRequirements;
import uk.apprenticeships.st1398.evidence.domain.Apprentice;
import uk.apprenticeships.st1398.evidence.domain.ApprenticeStatus;
import uk.apprenticeships.st1398.evidence.domain.OffTheJobEntry;
import uk.apprenticeships.st1398.evidence.domain.OffTheJobStatus;
import uk.apprenticeships.st1398.evidence.events.EvidenceEvents;
import uk.apprenticeships.st1398.evidence.mapping.OffTheJobMapper;
import uk.apprenticeships.st1398.evidence.repository.ApprenticeRepository;
import uk.apprenticeships.st1398.evidence.repository.OffTheJobRepository;
import uk.apprenticeships.st1398.evidence.repository.OffTheJobRepository.Totals;
import uk.apprenticeships.st1398.platform.api.PageRequest;
import uk.apprenticeships.st1398.platform.api.PageResponse;
import uk.apprenticeships.st1398.platform.events.EventTypes;
import uk.apprenticeships.st1398.platform.problem.ApiException;

/**
 * The off-the-job training log: entries are logged pending, changed or deleted only while pending, and approved
 * or rejected once by the provider's tutor. Each change is one conditional write on the entry's {@code version}.
 */
@ApplicationScoped
public class OffTheJobService {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final ApprenticeRepository apprentices;
    private final OffTheJobRepository entries;
    private final KsbCheck ksbs;
    private final OffTheJobRequirements requirements;
    private final AuditTrail audit;
    private final Stamps stamps;

    private final EvidenceEvents events;

    public OffTheJobService(
            ApprenticeRepository apprentices,
            OffTheJobRepository entries,
            KsbCheck ksbs,
            OffTheJobRequirements requirements,
            AuditTrail audit,
            Stamps stamps,
            EvidenceEvents events) {
        this.events = events;
        this.stamps = stamps;
        this.apprentices = apprentices;
        this.entries = entries;
        this.ksbs = ksbs;
        this.requirements = requirements;
        this.audit = audit;
    }

    public PageResponse<OffTheJobResponse> list(
            String apprenticeId, String status, LocalDate from, LocalDate to, PageRequest page) {
        Apprentice a = apprentice(apprenticeId);
        if (from != null && to != null && to.isBefore(from)) {
            throw ApiException.invalid("to", "must not be before from");
        }
        OffTheJobRepository.Filter filter =
                new OffTheJobRepository.Filter(a.id, status == null ? null : OffTheJobStatus.of(status), from, to);
        return PageResponse.of(entries.list(filter, page), OffTheJobMapper::toResponse, page, entries.count(filter));
    }

    public OffTheJobResponse get(String apprenticeId, String entryId) {
        return OffTheJobMapper.toResponse(load(apprentice(apprenticeId), entryId));
    }

    public OffTheJobResponse create(String apprenticeId, OffTheJobRequest request) {
        Apprentice a = apprentice(apprenticeId);
        ApprenticeAccess.requireOpen(a, "no off-the-job training can be logged");
        check(a, request);
        Instant now = stamps.now();
        OffTheJobEntry e = new OffTheJobEntry();
        e.apprenticeId = a.id;
        e.providerUkprn = a.providerUkprn;
        e.employerId = a.employerId;
        e.uln = a.uln;
        apply(e, request);
        e.status = OffTheJobStatus.PENDING;
        e.version = 1;
        e.createdAt = now;
        e.createdBy = stamps.stamp(now);
        e.updatedAt = now;
        e.id = new ObjectId(); // the event names the id the insert stores
        events.offTheJob(e, EventTypes.OFF_THE_JOB_CREATED, "created", a);
        entries.insertBeforeItsAuditEvent(e); // durable with its audit event, appended next
        audit.changed("off-the-job.created", e, null);
        Log.infof("Logged off-the-job entry %s for apprentice %s", e.id, a.id);
        return OffTheJobMapper.toResponse(e);
    }

    public OffTheJobResponse update(String apprenticeId, String entryId, OffTheJobRequest request) {
        Apprentice a = apprentice(apprenticeId);
        OffTheJobEntry e = load(a, entryId);
        String before = audit.digest(e);
        long read = expect(e, request.version());
        requirePending(e, "changed");
        ApprenticeAccess.requireOpen(a, "their off-the-job entries cannot change");
        check(a, request);
        apply(e, request);
        e.version = read + 1; // as save() stores it, so the event names the version written
        events.offTheJob(e, EventTypes.OFF_THE_JOB_CHANGED, "updated", a);
        save(e, read);
        audit.changed("off-the-job.updated", e, before);
        return OffTheJobMapper.toResponse(e);
    }

    public void delete(String apprenticeId, String entryId) {
        Apprentice a = apprentice(apprenticeId);
        OffTheJobEntry e = load(a, entryId);
        requirePending(e, "deleted");
        List<String> event = events.offTheJob(e, EventTypes.OFF_THE_JOB_DELETED, "deleted", a);
        if (!entries.deleteIfUnchanged(e, e.version, event, stamps.now())) {
            throw concurrent(e);
        }
        audit.deleted("off-the-job.deleted", e); // the outbox is not in the digest: the entry as it was
        Log.infof("Deleted off-the-job entry %s by %s", e.id, stamps.caller().subject());
    }

    /**
     * Approve ({@code reason} null) or reject (with a reason): once, by whoever has {@code otj:approve} (the
     * provider's tutor or an admin; the resource checks it).
     */
    public OffTheJobResponse decide(String apprenticeId, String entryId, boolean approve, String reason) {
        Apprentice a = apprentice(apprenticeId);
        OffTheJobEntry e = load(a, entryId);
        String before = audit.digest(e);
        long read = e.version;
        OffTheJobStatus decision = approve ? OffTheJobStatus.APPROVED : OffTheJobStatus.REJECTED;
        requireMove(e, decision, decision.value());
        e.status = decision;
        e.rejectionReason = approve ? null : reason.strip();
        e.decided = stamps.stamp();
        events.offTheJobDecided(e, a);
        save(e, read);
        audit.changed("off-the-job." + e.status.value(), e, before);
        Log.infof("Off-the-job entry %s %s by %s", e.id, e.status, e.decided.subject);
        return OffTheJobMapper.toResponse(e);
    }

    public OffTheJobSummaryResponse summary(String apprenticeId) {
        Apprentice a = apprentice(apprenticeId);
        return summary(a, entries.totals(List.of(a.id)).getOrDefault(a.id, Totals.NONE));
    }

    /**
     * A page of the provider's apprentices (with one of {@code statuses}; empty: any), each with the summary
     * {@link #summary(String)} gives for them, worked out the same way: one query for the page, one query
     * for the page's totals, and the requirement per distinct (standard version, start date, planned weeks,
     * contracted hours), cached. Admins and the provider's own staff; another provider answers 404.
     */
    public PageResponse<ProviderOffTheJobSummary> forProvider(
            String ukprn, Set<ApprenticeStatus> statuses, PageRequest page) {
        ApprenticeAccess.requireProvider(stamps.caller(), ukprn);
        List<Apprentice> onPage = apprentices.ofProvider(ukprn, statuses, page);
        Map<ObjectId, Totals> totals =
                entries.totals(onPage.stream().map(a -> a.id).toList());
        long total = apprentices.countOfProvider(ukprn, statuses);
        Log.debugf("Off-the-job summaries of provider %s: page %d of %d apprentices", ukprn, page.page(), total);
        return PageResponse.of(
                onPage,
                a -> new ProviderOffTheJobSummary(
                        a.id.toHexString(),
                        a.givenName,
                        a.familyName,
                        a.uln,
                        a.status,
                        summary(a, totals.getOrDefault(a.id, Totals.NONE))),
                page,
                total);
    }

    private OffTheJobSummaryResponse summary(Apprentice a, Totals totals) {
        long approved = totals.approved();
        long pending = totals.pending();
        BigDecimal approvedHours = OffTheJobMapper.hours(approved);
        // Planned weeks exclude planned leave; contracted hours (null: full time) make weekly rules pro rata.
        OffTheJobPlan plan = OffTheJobPlan.of(a);
        int weeks = plan.plannedWeeks();
        Optional<JsonNode> found =
                requirements.find(a.standardVersion, a.startDate, weeks, plan.weeklyContractedHours());
        if (found.isEmpty()) {
            return new OffTheJobSummaryResponse(
                    a.id.toHexString(),
                    a.standardVersion,
                    a.startDate,
                    a.plannedEndDate,
                    plan.weeksInLearning(),
                    plan.leaveWeeks(),
                    weeks,
                    plan.weeklyContractedHours(),
                    approvedHours,
                    OffTheJobMapper.hours(pending),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    "standards-service has no assessment plan for " + a.standardVersion
                            + ", or its plan has no off-the-job rule for apprenticeships starting on " + a.startDate
                            + ".");
        }
        JsonNode r = found.get();
        BigDecimal required = r.get("minimumHours").decimalValue();
        BigDecimal shortfall = required.subtract(approvedHours).max(BigDecimal.ZERO);
        BigDecimal percent = required.signum() == 0
                ? HUNDRED.setScale(1)
                : approvedHours
                        .multiply(HUNDRED)
                        .divide(required, 1, RoundingMode.DOWN)
                        .min(HUNDRED.setScale(1));
        return new OffTheJobSummaryResponse(
                a.id.toHexString(),
                a.standardVersion,
                a.startDate,
                a.plannedEndDate,
                plan.weeksInLearning(),
                plan.leaveWeeks(),
                weeks,
                plan.weeklyContractedHours(),
                approvedHours,
                OffTheJobMapper.hours(pending),
                required,
                shortfall,
                percent,
                r.path("calculation").asText(null),
                r.path("confirmed").asBoolean(false),
                r.hasNonNull("rule") ? r.get("rule") : null,
                null);
    }

    private void check(Apprentice a, OffTheJobRequest request) {
        LocalDate today = stamps.today();
        if (request.date().isAfter(today)) {
            throw ApiException.invalid("date", "must not be in the future");
        }
        if (request.date().isBefore(a.startDate)) {
            throw ApiException.invalid("date", "must not be before the apprentice's start date " + a.startDate);
        }
        ApprenticeAccess.requireNotInBreak(a, request.date(), "The off-the-job entry");
        ksbs.require(a.standardVersion, request.ksbCodes());
    }

    private static void apply(OffTheJobEntry e, OffTheJobRequest request) {
        e.date = request.date();
        e.hundredths = OffTheJobMapper.hundredths(request.hours());
        e.activity = request.activity().strip();
        e.ksbCodes = KsbCheck.normalised(request.ksbCodes());
    }

    private Apprentice apprentice(String apprenticeId) {
        return ApprenticeAccess.visible(apprentices, stamps.caller(), apprenticeId);
    }

    private OffTheJobEntry load(Apprentice a, String entryId) {
        return entries.findFor(a.id, new ObjectId(entryId))
                .orElseThrow(() -> ApiException.of(
                        EvidenceError.OFF_THE_JOB_ENTRY_NOT_FOUND,
                        "Apprentice " + a.id + " has no off-the-job entry " + entryId + "."));
    }

    private static long expect(OffTheJobEntry e, Long clientVersion) {
        return Versions.expect("Off-the-job entry " + e.id, e.version, clientVersion);
    }

    /** Changes and deletions: only while the entry is pending (decisions are final). */
    private static void requirePending(OffTheJobEntry e, String what) {
        if (e.status != OffTheJobStatus.PENDING) {
            throw decided(e, what);
        }
    }

    /** 409 unless the entry may move to {@code next} ({@link OffTheJobStatus#canMoveTo}). */
    private static void requireMove(OffTheJobEntry e, OffTheJobStatus next, String what) {
        if (!e.status.canMoveTo(next)) {
            throw decided(e, what);
        }
    }

    private static ApiException decided(OffTheJobEntry e, String what) {
        return ApiException.of(
                        EvidenceError.OFF_THE_JOB_ENTRY_DECIDED,
                        "Off-the-job entry " + e.id + " is " + e.status + "; only pending entries can be " + what
                                + ". Nothing was changed.")
                .with("entryStatus", e.status.value());
    }

    private void save(OffTheJobEntry e, long read) {
        e.version = read + 1;
        e.updatedAt = stamps.now();
        if (!entries.replaceIfUnchanged(e, read)) {
            throw concurrent(e);
        }
    }

    private static ApiException concurrent(OffTheJobEntry e) {
        return ApiException.of(
                EvidenceError.CONCURRENT_CHANGE,
                "Off-the-job entry " + e.id + " was changed by "
                        + "someone else at the same time; nothing was saved. Read it again and retry.");
    }
}
