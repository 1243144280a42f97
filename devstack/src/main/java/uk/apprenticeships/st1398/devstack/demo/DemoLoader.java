package uk.apprenticeships.st1398.devstack.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import uk.apprenticeships.st1398.devstack.demo.Api.Reply;
import uk.apprenticeships.st1398.devstack.demo.DemoPlan.EvidencePlan;
import uk.apprenticeships.st1398.devstack.demo.DemoPlan.HoursPlan;
import uk.apprenticeships.st1398.devstack.demo.DemoPlan.Person;
import uk.apprenticeships.st1398.devstack.demo.DemoPlan.ReviewPlan;
import uk.apprenticeships.st1398.devstack.demo.DemoPlan.Target;

/**
 * {@code ./stack demo}: loads a reproducible demo data set through the gateway's public API with real Keycloak
 * tokens of the dev realm's users and machine client, never into a database. Each apprentice is one task; at most
 * {@code --concurrency} run at once. Every record is looked for before it is created (by the keys of
 * {@link DemoPlan}), so a re-run with the same seed adds nothing.
 *
 * <pre>
 * java -cp devstack.jar:lib/* uk.apprenticeships.st1398.devstack.demo.DemoLoader [--apprentices N] [--seed S]
 *     [--concurrency C] [--today YYYY-MM-DD] [--gateway URL] [--realm URL]
 * </pre>
 */
public final class DemoLoader {

    static final String STANDARD_VERSION = "ST1398_1.0";
    static final String EPAO = "EPA0001";
    static final int MAX_APPRENTICES = 10_000;

    private final Api api;
    private final Options options;
    private final Map<String, JsonNode> apprentices = new ConcurrentHashMap<>();
    private final Map<String, JsonNode> assessments = new ConcurrentHashMap<>();
    private final AtomicLong created = new AtomicLong();
    private final AtomicLong found = new AtomicLong();
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private List<String> ksbCodes;
    private String assessorId;

    record Options(
            int apprentices, long seed, int concurrency, LocalDate today, String gateway, String realm, boolean quiet) {

        static Options parse(String... args) {
            int n = 60;
            long seed = 1398;
            int concurrency = 6;
            LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
            String gateway = "http://localhost:8080";
            String realm = "http://localhost:18180/realms/st1398";
            boolean quiet = false;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("--quiet")) {
                    quiet = true;
                    continue;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(arg + " needs a value");
                }
                String value = args[++i];
                switch (arg) {
                    case "--apprentices" -> n = Integer.parseInt(value);
                    case "--seed" -> seed = Long.parseLong(value);
                    case "--concurrency" -> concurrency = Integer.parseInt(value);
                    case "--today" -> today = LocalDate.parse(value);
                    case "--gateway" -> gateway = value;
                    case "--realm" -> realm = value;
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            }
            if (n < 1 || n > MAX_APPRENTICES) {
                throw new IllegalArgumentException("--apprentices must be 1 to " + MAX_APPRENTICES);
            }
            if (concurrency < 1 || concurrency > 64) {
                throw new IllegalArgumentException("--concurrency must be 1 to 64");
            }
            return new Options(n, seed, concurrency, today, gateway, realm, quiet);
        }
    }

    DemoLoader(Options options) {
        this.options = options;
        this.api = new Api(options.gateway(), options.realm());
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("demo: " + e.getMessage());
            System.err.println("usage: ./stack demo [--apprentices N (1-10000, default 60)] [--seed S (default 1398)]"
                    + " [--concurrency C (default 6)] [--today YYYY-MM-DD]");
            System.exit(2);
            return;
        }
        System.exit(new DemoLoader(options).run());
    }

    int run() {
        long started = System.nanoTime();
        say(
                "loading %d apprentices (seed %d, as of %s) through %s, %d at a time",
                options.apprentices(), options.seed(), options.today(), options.gateway(), options.concurrency());
        prepare();
        ExecutorService pool = Executors.newFixedThreadPool(options.concurrency());
        List<Future<?>> tasks = new ArrayList<>();
        for (int i = 0; i < options.apprentices(); i++) {
            Person person = DemoPlan.person(options.seed(), i, options.today(), ksbCodes);
            tasks.add(pool.submit(() -> load(person)));
        }
        pool.shutdown();
        Thread progress = new Thread(() -> progress(started), "demo-progress");
        progress.setDaemon(true);
        progress.start();
        try {
            for (Future<?> task : tasks) {
                task.get();
            }
            pool.awaitTermination(1, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            progress.interrupt();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long requests = api.requests.get();
        say(
                "done: %d apprentices in %.1f s (%d failed); %d records created, %d already there",
                done.get(), seconds, failed.get(), created.get(), found.get());
        say(String.format(
                Locale.ROOT,
                "throughput: %d requests, %.1f requests/s, %.2f apprentices/s%s",
                requests,
                requests / seconds,
                done.get() / seconds,
                api.rateLimited.get() == 0
                        ? ""
                        : " (" + api.rateLimited.get() + " answers were 429: raise the gateway's rate limits for"
                                + " large loads, see README)"));
        timings(seconds);
        return failed.get() == 0 ? 0 : 1;
    }

    /** Where the time went: the costliest calls by summed wall time (the API's answer time as the loader sees it). */
    private void timings(double seconds) {
        double total =
                api.timings.values().stream().mapToDouble(t -> t[1].sum() / 1e9).sum();
        say(
                "time in API calls: %.0f s over %d workers (%.0f%% busy); costliest calls:",
                total, options.concurrency(), 100 * total / (seconds * options.concurrency()));
        api.timings.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue()[1].sum(), a.getValue()[1].sum()))
                .limit(12)
                .forEach(e -> say(
                        "  %-62s %7d calls %7.1f ms each %5.1f%%",
                        e.getKey(),
                        e.getValue()[0].sum(),
                        e.getValue()[1].sum() / 1e6 / Math.max(1, e.getValue()[0].sum()),
                        100 * e.getValue()[1].sum() / 1e9 / Math.max(total, 1e-9)));
    }

    private void progress(long started) {
        try {
            while (true) {
                Thread.sleep(2000);
                double seconds = (System.nanoTime() - started) / 1e9;
                say(String.format(
                        Locale.ROOT,
                        "%d/%d apprentices, %d requests (%.0f/s), %d created, %d already there",
                        done.get(),
                        options.apprentices(),
                        api.requests.get(),
                        api.requests.get() / seconds,
                        created.get(),
                        found.get()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Once: the KSB codes, the assessment organisation, its approval and assessor1's registration; what exists. */
    private void prepare() {
        JsonNode version = api.get("admin1", "/api/v1/standard-versions/" + STANDARD_VERSION)
                .expect("the standard version " + STANDARD_VERSION, 200)
                .body();
        ksbCodes = new ArrayList<>();
        version.path("ksbs").forEach(k -> ksbCodes.add(k.path("code").asText()));
        if (ksbCodes.isEmpty()) {
            throw new IllegalStateException(STANDARD_VERSION + " has no KSBs in the catalogue");
        }
        for (String ukprn : DemoPlan.PROVIDERS) {
            count(
                    api.put("admin1", "/api/v1/providers/" + ukprn, Map.of("name", DemoPlan.PROVIDER_NAMES.get(ukprn)))
                            .expect("the provider register entry of " + ukprn, 200, 201),
                    200);
        }
        count(api.post("admin1", "/api/v1/assessment-organisations", Map.of("epaoId", EPAO, "name", "Demo Assessments"))
                .expect("the assessment organisation", 201, 409));
        count(api.post(
                        "admin1",
                        "/api/v1/assessment-organisations/" + EPAO + "/standard-versions",
                        Map.of("standardVersion", STANDARD_VERSION))
                .expect("the approval for " + STANDARD_VERSION, 201, 409));
        String subject = api.subject("assessor1");
        for (JsonNode assessor : pages("admin1", "/api/v1/assessment-organisations/" + EPAO + "/assessors")) {
            if (assessor.path("userId").asText().equals(subject)) {
                assessorId = assessor.path("id").asText();
            }
        }
        if (assessorId == null) {
            Reply reply = api.post(
                            "admin1",
                            "/api/v1/assessment-organisations/" + EPAO + "/assessors",
                            Map.of("userId", subject, "name", "Demo Assessor", "email", "assessor1@example.org"))
                    .expect("assessor1's registration", 201);
            assessorId = reply.body().path("id").asText();
            created.incrementAndGet();
        } else {
            found.incrementAndGet();
        }
        for (JsonNode a : pages("admin1", "/api/v1/apprentices")) {
            apprentices.put(
                    a.path("providerUkprn").asText() + "/" + a.path("uln").asText(), a);
        }
        for (JsonNode a : pages("admin1", "/api/v1/assessments")) {
            assessments.put(
                    a.path("uln").asText() + "/" + a.path("standardVersion").asText(), a);
        }
        say(
                "%d KSBs; %d apprentices and %d assessments already on the platform",
                ksbCodes.size(), apprentices.size(), assessments.size());
    }

    private List<JsonNode> pages(String who, String path) {
        List<JsonNode> all = new ArrayList<>();
        String sep = path.contains("?") ? "&" : "?";
        for (int page = 0; ; page++) {
            JsonNode body = api.get(who, path + sep + "page=" + page + "&size=100")
                    .expect("GET " + path, 200)
                    .body();
            body.path("items").forEach(all::add);
            if (page + 1 >= body.path("totalPages").asInt(0)) {
                return all;
            }
        }
    }

    private void count(Reply reply) {
        count(reply, 409);
    }

    /** Counts a write as created, or as found when it answered {@code foundStatus} (already there). */
    private void count(Reply reply, int foundStatus) {
        (reply.status() == foundStatus ? found : created).incrementAndGet();
    }

    private static String tutorOf(String ukprn) {
        return switch (ukprn) {
            case "10000001" -> "tutor1";
            case "10000002" -> "tutor2";
            default -> "admin1";
        };
    }

    private void load(Person planned) {
        Person p = planned;
        try {
            JsonNode existing = apprentices.get(p.providerUkprn() + "/" + p.uln());
            if (existing != null
                    && !existing.path("startDate").asText().equals(p.startDate().toString())) {
                p = DemoPlan.person(
                        options.seed(),
                        p.index(),
                        options.today(),
                        ksbCodes,
                        new DemoPlan.Enrolled(
                                existing.path("givenName").asText(),
                                existing.path("familyName").asText(),
                                LocalDate.parse(existing.path("startDate").asText()),
                                LocalDate.parse(existing.path("plannedEndDate").asText())));
            }
            if (existing != null && !existing.path("status").asText().equals("active")) {
                found.incrementAndGet();
                done.incrementAndGet();
                return;
            }
            // An apprentice enrolled by this run has nothing yet: its lists need not be looked through first.
            boolean fresh = existing == null;
            String id = enrol(p);
            evidence(p, id, fresh);
            hours(p, id, fresh);
            reviews(p, id, fresh);
            assessment(p, id);
            status(p, id, fresh);
            done.incrementAndGet();
        } catch (RuntimeException e) {
            failed.incrementAndGet();
            done.incrementAndGet();
            System.err.println("[demo] apprentice " + p.index() + " (ULN " + p.uln() + "): " + e.getMessage());
        }
    }

    private String enrol(Person p) {
        JsonNode existing = apprentices.get(p.providerUkprn() + "/" + p.uln());
        if (existing != null) {
            found.incrementAndGet();
            return existing.path("id").asText();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("uln", p.uln());
        body.put("learnerReference", DemoPlan.learnerReference(p.uln()));
        body.put("givenName", p.givenName());
        body.put("familyName", p.familyName());
        body.put("dateOfBirth", p.dateOfBirth().toString());
        body.put("providerUkprn", p.providerUkprn());
        body.put("employerId", p.employerId());
        body.put("standardVersion", STANDARD_VERSION);
        body.put("startDate", p.startDate().toString());
        body.put("plannedEndDate", p.plannedEndDate().toString());
        body.put("assessmentOrganisationId", EPAO);
        body.put("plannedLeaveWeeks", p.plannedLeaveWeeks());
        if (p.contractedWeeklyHours() != null) {
            body.put("contractedWeeklyHours", p.contractedWeeklyHours());
        }
        Reply reply = api.post(tutorOf(p.providerUkprn()), "/api/v1/apprentices", body)
                .expect("enrolment", 201, 409);
        JsonNode apprentice = reply.body();
        if (reply.status() == 409) {
            // Enrolled already: by an earlier attempt whose answer was lost (a timeout), so it is found by its ULN.
            apprentice = api.get(tutorOf(p.providerUkprn()), "/api/v1/apprentices?uln=" + p.uln())
                    .expect("the apprentice with ULN " + p.uln(), 200)
                    .body()
                    .path("items")
                    .path(0);
            if (!apprentice.hasNonNull("id")) {
                throw new IllegalStateException("enrolment answered 409 but no apprentice has ULN " + p.uln());
            }
            found.incrementAndGet();
        } else {
            created.incrementAndGet();
        }
        apprentices.put(p.providerUkprn() + "/" + p.uln(), apprentice);
        return apprentice.path("id").asText();
    }

    /** Who writes the apprentice's own records: apprentice1 their own, the provider's LMS client or tutor others. */
    private static String author(Person p) {
        if (p.uln().equals(DemoPlan.APPRENTICE1_ULN)) {
            return "apprentice1";
        }
        return p.providerUkprn().equals("10000001") ? "lms-integration" : tutorOf(p.providerUkprn());
    }

    private static String submitter(Person p) {
        return p.uln().equals(DemoPlan.APPRENTICE1_ULN) ? "apprentice1" : tutorOf(p.providerUkprn());
    }

    private void evidence(Person p, String id, boolean fresh) {
        String base = "/api/v1/apprentices/" + id + "/evidence";
        Map<String, JsonNode> existing = new HashMap<>();
        for (JsonNode e : fresh ? List.<JsonNode>of() : pages(tutorOf(p.providerUkprn()), base)) {
            existing.put(e.path("title").asText(), e);
        }
        for (EvidencePlan e : p.evidence()) {
            JsonNode item = existing.get(e.title());
            if (item != null) {
                found.incrementAndGet();
            } else {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("kind", e.kind());
                body.put("title", e.title());
                body.put("ksbCodes", e.ksbCodes());
                if (e.kind().equals("link")) {
                    body.put("url", "https://git.example.org/demo/" + p.uln() + "/" + e.number());
                } else {
                    body.put(
                            "text",
                            "What I did, what I learnt and how it shows " + String.join(", ", e.ksbCodes()) + ".");
                }
                body.put("employerConfirmationRequired", e.employerConfirms());
                item = api.post(author(p), base, body).expect("evidence", 201).body();
                created.incrementAndGet();
            }
            advance(p, base + "/" + item.path("id").asText() + "/workflow", e, item);
        }
    }

    /**
     * Takes an item from where it stands to its planned state: a new item from {@code draft}; one found on a re-run
     * from wherever an interrupted run left it (nothing when it is already there).
     */
    private void advance(Person p, String workflow, EvidencePlan e, JsonNode item) {
        String status = item.path("status").asText("draft");
        String tutor = tutorOf(p.providerUkprn());
        if (e.target() == Target.DRAFT || !status.equals("draft") && !status.equals("submitted")) {
            return;
        }
        if (status.equals("draft")) {
            step(submitter(p), workflow, "submit", null);
        }
        if (e.target() == Target.SUBMITTED) {
            return;
        }
        if (e.employerConfirms() && item.path("employerConfirmation").isMissingNode()
                || e.employerConfirms() && item.path("employerConfirmation").isNull()) {
            step("employer1", workflow, "confirm", null);
        }
        if (e.target() == Target.REFERRED_BACK) {
            step(tutor, workflow, "refer-back", "Please link this to a specific piece of work and its outcome.");
        } else {
            step(tutor, workflow, "accept", null);
        }
    }

    private void step(String who, String path, String action, String feedback) {
        Map<String, Object> body = new HashMap<>();
        body.put("action", action);
        if (feedback != null) {
            body.put("feedback", feedback);
        }
        // 409: the step is already taken (e.g. its answer was lost to a timeout and the item was found on a re-run).
        api.post(who, path, body).expect("evidence " + action, 200, 409);
    }

    private void hours(Person p, String id, boolean fresh) {
        String base = "/api/v1/apprentices/" + id + "/off-the-job";
        Set<String> activities = new HashSet<>();
        for (JsonNode e : fresh ? List.<JsonNode>of() : pages(tutorOf(p.providerUkprn()), base)) {
            activities.add(e.path("activity").asText());
        }
        String tutor = tutorOf(p.providerUkprn());
        for (HoursPlan h : p.hours()) {
            if (activities.contains(h.activity())) {
                found.incrementAndGet();
                continue;
            }
            JsonNode entry = api.post(
                            author(p),
                            base,
                            Map.of("date", h.date().toString(), "hours", h.hours(), "activity", h.activity()))
                    .expect("off-the-job entry", 201)
                    .body();
            created.incrementAndGet();
            String entryPath = base + "/" + entry.path("id").asText();
            switch (h.outcome()) {
                case "approved" ->
                    api.post(tutor, entryPath + "/approve", Map.of()).expect("approval", 200, 409);
                case "rejected" ->
                    api.post(tutor, entryPath + "/reject", Map.of("reason", "Part of the normal working day."))
                            .expect("rejection", 200, 409);
                default -> {}
            }
        }
    }

    private void reviews(Person p, String id, boolean fresh) {
        String base = "/api/v1/apprentices/" + id + "/reviews";
        String tutor = tutorOf(p.providerUkprn());
        Set<String> summaries = new HashSet<>();
        for (JsonNode e : fresh ? List.<JsonNode>of() : pages(tutor, base)) {
            summaries.add(e.path("summary").asText());
        }
        for (ReviewPlan r : p.reviews()) {
            if (summaries.contains(r.summary())) {
                found.incrementAndGet();
                continue;
            }
            JsonNode review = api.post(
                            tutor,
                            base,
                            Map.of(
                                    "date",
                                    r.date().toString(),
                                    "summary",
                                    r.summary(),
                                    "nextSteps",
                                    "Evidence the KSBs still open; keep logging off-the-job training."))
                    .expect("review", 201)
                    .body();
            created.incrementAndGet();
            if (!r.signed()) {
                continue;
            }
            String signOff = base + "/" + review.path("id").asText() + "/sign-off";
            if (!tutor.equals("admin1")) {
                signOff(tutor, signOff, "provider");
            }
            if (p.employerId().equals("EMP0001")) {
                signOff("employer1", signOff, "employer");
            }
            if (p.uln().equals(DemoPlan.APPRENTICE1_ULN)) {
                signOff("apprentice1", signOff, "apprentice");
            }
        }
    }

    /** A sign-off; {@code 409 review-already-signed}: an earlier attempt got through and its answer was lost. */
    private void signOff(String who, String path, String party) {
        Reply reply = api.post(who, path, Map.of("party", party)).expect(party + " sign-off", 200, 409);
        if (reply.status() == 409 && !reply.body().path("code").asText().equals("review-already-signed")) {
            throw new IllegalStateException(party + " sign-off answered 409: " + reply.body());
        }
    }

    private void assessment(Person p, String apprenticeId) {
        DemoPlan.AssessmentPlan plan = p.assessment();
        if (plan == null) {
            return;
        }
        JsonNode assessment = assessments.get(p.uln() + "/" + STANDARD_VERSION);
        boolean registered = assessment == null;
        if (assessment == null) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("uln", p.uln());
            body.put("familyName", p.familyName());
            body.put("standardVersion", STANDARD_VERSION);
            body.put("providerUkprn", p.providerUkprn());
            body.put("employerId", p.employerId());
            body.put("epaoId", EPAO);
            body.put("apprenticeId", apprenticeId);
            if (plan.gatewayDate() != null) {
                body.put("gatewayDate", plan.gatewayDate().toString());
            }
            assessment = api.post("admin1", "/api/v1/assessments", body)
                    .expect("assessment registration", 201)
                    .body();
            created.incrementAndGet();
        } else {
            found.incrementAndGet();
        }
        String path = "/api/v1/assessments/" + assessment.path("id").asText();
        if (!assessment.hasNonNull("assessorId")) {
            api.put("admin1", path + "/assessor", Map.of("assessorId", assessorId))
                    .expect("assessor assignment", 200);
        }
        if (plan.gatewayDate() == null && plan.declared()) {
            declarations(p, path, registered);
        }
        Set<String> methods = new HashSet<>();
        for (JsonNode a : registered ? List.<JsonNode>of() : pages("assessor1", path + "/attempts")) {
            methods.add(a.path("methodCode").asText());
        }
        for (DemoPlan.AttemptPlan attempt : plan.attempts()) {
            if (methods.contains(attempt.method())) {
                found.incrementAndGet();
                continue;
            }
            api.post(
                            "assessor1",
                            path + "/attempts",
                            Map.of(
                                    "methodCode",
                                    attempt.method(),
                                    "kind",
                                    "first",
                                    "date",
                                    attempt.date().toString(),
                                    "grade",
                                    attempt.grade(),
                                    "reason",
                                    "Graded against the plan's descriptors"))
                    .expect("attempt " + attempt.method(), 201);
            created.incrementAndGet();
        }
        if (p.certificated()) {
            certificate(p, registered);
        }
    }

    /** What the provider declares before the gateway to completion (the readiness items met by a declaration). */
    private void declarations(Person p, String assessmentPath, boolean registered) {
        String tutor = tutorOf(p.providerUkprn());
        Set<String> declared = new HashSet<>();
        if (!registered) {
            JsonNode listed = api.get(tutor, assessmentPath + "/gateway/declarations")
                    .expect("declarations", 200)
                    .body();
            (listed.has("items") ? listed.path("items") : listed)
                    .forEach(d -> declared.add(d.path("item").asText()));
        }
        LocalDate on = options.today().minusDays(3);
        Map<String, List<String>> items = new LinkedHashMap<>();
        items.put("employer-confirmation", List.of("Line manager at " + p.employerId(), "Confirmation letter"));
        items.put("project-scope-sign-off", List.of("Assessment organisation " + EPAO, "Project scope v1"));
        items.put("english-and-maths", List.of("Awarding organisation", "Level 2 certificates"));
        for (Map.Entry<String, List<String>> item : items.entrySet()) {
            if (declared.contains(item.getKey())) {
                found.incrementAndGet();
                continue;
            }
            Reply reply = api.post(
                            tutor,
                            assessmentPath + "/gateway/declarations",
                            Map.of(
                                    "item",
                                    item.getKey(),
                                    "declaredBy",
                                    item.getValue().get(0),
                                    "declaredOn",
                                    on.toString(),
                                    "reference",
                                    item.getValue().get(1)))
                    // English and maths is not an item for every apprentice (age at start): 422 then.
                    .expect("declaration " + item.getKey(), 201, 422);
            if (reply.status() == 201) {
                created.incrementAndGet();
            }
        }
    }

    /** A certificate for an assessment registered by this run cannot be there yet: no look first then. */
    private void certificate(Person p, boolean registered) {
        if (!registered) {
            JsonNode existing = api.get("admin1", "/api/v1/certificates?uln=" + p.uln())
                    .expect("certificates", 200)
                    .body();
            if (existing.path("totalItems").asInt() > 0) {
                found.incrementAndGet();
                return;
            }
        }
        Map<String, Object> item = Map.of(
                "requestId",
                "demo-" + p.uln(),
                "standard",
                Map.of("standardCode", 795, "standardReference", "ST1398"),
                "learner",
                Map.of("uln", p.uln(), "familyName", p.familyName(), "givenNames", p.givenName()),
                "learningDetails",
                Map.of(
                        "version",
                        "1.0",
                        "overallGrade",
                        p.assessment().overallGrade(),
                        "achievementDate",
                        p.assessment().lastAttempt().toString(),
                        "providerUkprn",
                        p.providerUkprn()),
                "postalContact",
                Map.of(
                        "contactName",
                        p.givenName() + " " + p.familyName(),
                        "addressLine1",
                        "1 High Street",
                        "city",
                        "Leeds",
                        "postCode",
                        "LS1 1AA"));
        JsonNode result = api.post("assessor1", "/api/v1/certificates", List.of(item))
                .expect("certificate", 200, 201, 207)
                .body()
                .path(0);
        if (result.path("status").asInt() != 201) {
            throw new IllegalStateException("certificate refused: " + result);
        }
        created.incrementAndGet();
        String reference =
                result.path("certificate").path("certificateReference").asText();
        JsonNode submitted = api.post(
                        "assessor1",
                        "/api/v1/certificates/submit",
                        List.of(Map.of("requestId", "submit-" + p.uln(), "certificateReference", reference)))
                .expect("certificate submission", 200, 207)
                .body()
                .path(0);
        if (submitted.path("status").asInt() != 200) {
            throw new IllegalStateException("certificate submission refused: " + submitted);
        }
        // Most are approved by the admin; the newest few wait in Submitted.
        if (p.assessment().lastAttempt().isBefore(options.today().minusDays(30))) {
            api.post(
                            "admin1",
                            "/api/v1/certificates/" + reference + "/status",
                            Map.of("status", "Approved", "note", "Demo data"))
                    .expect("certificate approval", 200);
        }
    }

    private void status(Person p, String id, boolean fresh) {
        String target = switch (p.fate()) {
            case BREAK -> "break-in-learning";
            case WITHDRAWN -> "withdrawn";
            case ACTIVE -> p.certificated() ? "completed" : null;
        };
        if (target == null) {
            return;
        }
        if (!fresh) {
            JsonNode current = api.get(tutorOf(p.providerUkprn()), "/api/v1/apprentices/" + id)
                    .expect("apprentice", 200)
                    .body();
            if (!current.path("status").asText().equals("active")) {
                found.incrementAndGet();
                return;
            }
        }
        String reason = switch (target) {
            case "break-in-learning" -> "Extended leave agreed with the employer";
            case "withdrawn" -> "Left the employer";
            default -> "Passed the apprenticeship assessment";
        };
        Reply reply = api.post(
                        tutorOf(p.providerUkprn()),
                        "/api/v1/apprentices/" + id + "/status",
                        Map.of(
                                "status",
                                target,
                                "reason",
                                reason,
                                "effectiveDate",
                                p.statusDate().toString()))
                .expect("status " + target, 200, 409);
        if (reply.status() == 409) {
            // Already changed by an earlier attempt whose answer was lost: fine when it is the planned status.
            String now = api.get(tutorOf(p.providerUkprn()), "/api/v1/apprentices/" + id)
                    .expect("apprentice", 200)
                    .body()
                    .path("status")
                    .asText();
            if (!now.equals(target)) {
                throw new IllegalStateException("status " + target + " answered 409: " + reply.body());
            }
            found.incrementAndGet();
            return;
        }
        created.incrementAndGet();
    }

    private void say(String format, Object... args) {
        if (!options.quiet() || format.startsWith("done") || format.startsWith("throughput")) {
            System.out.println("[demo] " + (args.length == 0 ? format : String.format(Locale.ROOT, format, args)));
        }
    }
}
