package uk.apprenticeships.st1398.evidence.xapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.conversions.Bson;
import uk.apprenticeships.st1398.evidence.repository.ApprenticeRepository;
import uk.apprenticeships.st1398.evidence.service.EvidenceError;
import uk.apprenticeships.st1398.platform.problem.ApiException;

/**
 * The Statement Resource's behaviour (Communication 2.1): storing statements immutably (validation, ids, stored,
 * authority, voiding, equal-id conflicts) and answering queries scoped to the caller's provider.
 */
@ApplicationScoped
public class XapiStatements {

    /** Parses statements strictly: a property given twice is malformed JSON (Data 2.2). */
    static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    static final String LRS_TIMESTAMP = "lrsTimestamp";
    private static final Pattern ULN = Pattern.compile("^\\d{10}$");

    private final StatementStore store;
    private final ApprenticeRepository apprentices;
    private final Clock clock;
    private final XapiConfig config;
    private final XapiEvidence evidence;
    private final XapiActivityDefinitions definitions;
    private final Set<java.security.cert.TrustAnchor> trustAnchors;

    public XapiStatements(
            StatementStore store,
            ApprenticeRepository apprentices,
            Clock clock,
            XapiConfig config,
            XapiEvidence evidence,
            XapiActivityDefinitions definitions) {
        this.evidence = evidence;
        this.definitions = definitions;
        this.trustAnchors = config.signatureTrustAnchors()
                .map(path -> XapiSignatures.anchors(java.nio.file.Path.of(path)))
                .orElse(Set.of());
        this.store = store;
        this.apprentices = apprentices;
        this.clock = clock;
        this.config = config;
    }

    // ------------------------------------------------------------------ writing

    /** PUT with statementId: 204 when stored or when the identical statement is stored already. */
    public void put(String statementId, String body, XapiAccess.Principal principal, String version) {
        store(parseBatch(body, statementId), statementId, principal, XapiMultipart.Parts.NONE, version, () -> {});
    }

    /** POST: one statement or an array; the ids in order, new or already stored identically. */
    public List<String> post(String body, XapiAccess.Principal principal, String version) {
        return store(parseBatch(body, null), null, principal, XapiMultipart.Parts.NONE, version, () -> {});
    }

    /** The statements of a request body: one object for PUT (putId set), an object or an array for POST. */
    List<ObjectNode> parseBatch(String body, String putId) {
        JsonNode parsed = parse(body);
        List<ObjectNode> statements = new ArrayList<>();
        if (putId != null) {
            StatementValidator.uuidParameter(putId, "statementId");
            if (!parsed.isObject()) {
                throw StatementValidator.invalid("statement", "must be one statement (a JSON object) for PUT");
            }
            if (parsed.has("id") && !parsed.get("id").asText().equalsIgnoreCase(putId)) {
                throw StatementValidator.invalid("id", "differs from the statementId parameter (Communication 2.1.1)");
            }
            statements.add((ObjectNode) parsed);
        } else if (parsed.isArray()) {
            for (int i = 0; i < parsed.size(); i++) {
                if (!parsed.get(i).isObject()) {
                    throw StatementValidator.invalid("[" + i + "]", "must be a statement (a JSON object)");
                }
                statements.add((ObjectNode) parsed.get(i));
            }
        } else if (parsed.isObject()) {
            statements.add((ObjectNode) parsed);
        } else {
            throw StatementValidator.invalid("statement", "must be a statement or an array of statements");
        }
        return statements;
    }

    /** Every statement against the data model; in a batch the problem names the statement's index. */
    void validateAll(List<ObjectNode> statements, boolean multipart) {
        for (int i = 0; i < statements.size(); i++) {
            try {
                StatementValidator.validate(statements.get(i), multipart);
            } catch (ApiException e) {
                throw statements.size() > 1 ? e.with("statementIndex", i) : e;
            }
        }
    }

    /**
     * Stores a validated request's statements (all or nothing), with the attachment data it carried.
     *
     * @param parts the attachment parts of a multipart/mixed request; {@link XapiMultipart.Parts#NONE} for JSON
     * @param version the request's X-Experience-API-Version: a statement from a 1.0.x client without a version is
     *     stored as 1.0.0 (1.0.3 Data 4.1.10), one from a 2.0 client as 2.0.0
     * @param onStored runs once the statements are stored, before they are converted (whose failure still answers
     *     the request with a problem): a multipart request keeps its attachments' data from then on
     */
    List<String> store(
            List<ObjectNode> statements,
            String putId,
            XapiAccess.Principal principal,
            XapiMultipart.Parts parts,
            String version,
            Runnable onStored) {
        boolean multipart = parts != XapiMultipart.Parts.NONE;
        validateAll(statements, multipart);
        for (int i = 0; i < statements.size(); i++) {
            try {
                XapiSignatures.check(statements.get(i), putId, parts, trustAnchors);
                missingParts(statements.get(i), parts, multipart);
            } catch (ApiException e) {
                throw statements.size() > 1 ? e.with("statementIndex", i) : e;
            }
        }
        String defaultVersion = XapiVersions.legacy(version) ? "1.0.0" : "2.0.0";
        Instant stored = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Map<String, ObjectNode> byId = new LinkedHashMap<>();
        Set<String> lrsTimestamped = new HashSet<>();
        List<String> answered = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            ObjectNode statement = statements.get(i);
            // Kept as sent in the statement (the LRS does not rewrite it); compared and keyed in lower case.
            String given = putId != null
                    ? putId
                    : statement.has("id")
                            ? statement.get("id").asText()
                            : UUID.randomUUID().toString();
            String id = given.toLowerCase(Locale.ROOT);
            if (byId.containsKey(id)) {
                throw StatementValidator.invalid(
                        "[" + i + "].id",
                        "repeats the id of an earlier statement of the" + " batch (Communication 2.1.2)");
            }
            if (!statement.has("timestamp")) {
                lrsTimestamped.add(id);
            }
            byId.put(id, complete(statement, given, stored, principal, defaultVersion));
            answered.add(given);
        }
        refuseOtherProvidersLearners(byId.values(), principal.providerUkprn());
        // Equal ids: the identical statement again is accepted and not stored twice; a different one is refused,
        // and nothing of the request is stored (Communication 2.1.1 / 2.1.2, Data 2.3.1).
        Map<String, Document> existing = new HashMap<>();
        for (Document document : store.findAll(byId.keySet())) {
            existing.put(document.getString("_id"), document);
        }
        for (String id : byId.keySet()) {
            Document found = existing.get(id);
            if (found != null
                    && (!principal.providerUkprn().equals(found.getString(StatementStore.PROVIDER))
                            || !same(found, byId.get(id), lrsTimestamped.contains(id)))) {
                throw ApiException.of(
                                EvidenceError.XAPI_STATEMENT_CONFLICT,
                                "A different statement with id " + id + " is stored already; stored statements"
                                        + " never change. Nothing of this request was stored.")
                        .with("statementId", id);
            }
        }
        Map<String, Document> targets = targets(byId, existing);
        List<Document> documents = new ArrayList<>();
        Map<String, Optional<XapiActivityMapping>> mappings = new HashMap<>();
        for (Map.Entry<String, ObjectNode> entry : byId.entrySet()) {
            if (!existing.containsKey(entry.getKey())) {
                String id = entry.getKey();
                Document document =
                        document(id, entry.getValue(), lrsTimestamped.contains(id), stored, principal, targets);
                if (StatementStore.CONVERTING.equals(document.get(StatementStore.OUTCOME))
                        && !evidence.mayBecomeRecords(principal.providerUkprn(), entry.getValue(), mappings)) {
                    document.put(StatementStore.OUTCOME, XapiEvidence.Outcome.NONE.name());
                }
                documents.add(document);
            }
        }
        try {
            store.insert(documents);
        } catch (MongoBulkWriteException e) {
            if (e.getWriteErrors().stream()
                    .anyMatch(w -> ErrorCategory.fromErrorCode(w.getCode()) == ErrorCategory.DUPLICATE_KEY)) {
                throw ApiException.of(
                        EvidenceError.XAPI_STATEMENT_CONFLICT,
                        "A statement with one of these ids was stored at the same moment; send the request again"
                                + " to see whether it was the same statement.");
            }
            throw e;
        }
        onStored.run();
        String provider = principal.providerUkprn();
        // The canonical activity definitions learn from the statements stored now (Data 2.4.4.1).
        definitions.record(
                provider,
                byId.entrySet().stream()
                        .filter(e -> !existing.containsKey(e.getKey()))
                        .map(Map.Entry::getValue)
                        .toList());
        List<String> toConvert = new ArrayList<>();
        // Stored statements whose StatementRef names a statement of this request (they arrived first, or earlier
        // in the batch): one query for the request. A voiding one voids it (Data 2.3.2: voided iff a voiding
        // statement refers to it); every one gains its filter values (Communication 2.1.3, StatementRefs).
        List<Document> referrers = store.referringTo(
                provider, documents.stream().map(d -> d.getString("_id")).toList());
        Set<String> voidedOnArrival = new HashSet<>();
        Set<String> voidingIds = new HashSet<>();
        documents.stream()
                .filter(d -> d.getString(StatementStore.VOIDS) != null)
                .forEach(d -> voidingIds.add(d.getString("_id")));
        for (Document referrer : referrers) {
            String voids = referrer.getString(StatementStore.VOIDS);
            if (voids != null && !voidingIds.contains(voids)) {
                voidedOnArrival.add(voids);
            }
        }
        inheritAcrossStorageOrder(provider, documents, targets, referrers);
        for (Document document : documents) {
            String voids = document.getString(StatementStore.VOIDS);
            if (voids != null) {
                store.markVoided(provider, voids);
                evidence.withdraw(voids);
            } else if (voidedOnArrival.contains(document.getString("_id"))) {
                store.markVoided(provider, document.getString("_id"));
            } else if (StatementStore.CONVERTING.equals(document.get(StatementStore.OUTCOME))) {
                toConvert.add(document.getString("_id"));
            }
        }
        // Existing identical statements whose conversion did not finish (e.g. the KSB catalogue was unreachable
        // and the LMS was answered 503) are converted on the resend.
        existing.forEach((id, document) -> {
            Object outcome = document.get(StatementStore.OUTCOME);
            if ((outcome == null || StatementStore.CONVERTING.equals(outcome))
                    && !Boolean.TRUE.equals(document.getBoolean(StatementStore.VOIDED))
                    && !Boolean.TRUE.equals(document.getBoolean(StatementStore.VOIDING))) {
                toConvert.add(id);
            }
        });
        for (String id : toConvert) {
            // As stored: for a resend, the first copy (its stored time and authority), not this one.
            JsonNode statement =
                    existing.containsKey(id) ? read(existing.get(id).getString(StatementStore.RAW)) : byId.get(id);
            evidence.convert(provider, statement);
        }
        return answered;
    }

    /**
     * Communication 2.1.3, "Filter Conditions for StatementRefs": a statement whose object is a StatementRef meets
     * the agent, verb, activity and registration filters its target meets, recursively, whatever order they were
     * stored in. A statement stored before its target (or in the same batch) gains the target's filter values now,
     * and so does every statement referring to it, and so on; a target that another request stored while this one
     * was being checked is looked up again after the insert, so two concurrent requests never both miss each
     * other. Only the filter fields change ({@code $addToSet}); the statement itself never does.
     */
    private void inheritAcrossStorageOrder(
            String provider, List<Document> documents, Map<String, Document> targets, List<Document> referrers) {
        Map<String, Document> byId = new HashMap<>();
        documents.forEach(d -> byId.put(d.getString("_id"), d));
        Map<String, Map<String, List<String>>> additions = new LinkedHashMap<>();
        Set<String> missing = new HashSet<>();
        for (Document document : documents) {
            String target = document.getString(StatementStore.REFERS_TO);
            if (target != null && !targets.containsKey(target) && !byId.containsKey(target)) {
                missing.add(target);
            }
        }
        if (!missing.isEmpty()) {
            for (Document target : store.findAll(missing)) {
                if (!provider.equals(target.getString(StatementStore.PROVIDER))) {
                    continue;
                }
                for (Document document : documents) {
                    if (target.getString("_id").equals(document.getString(StatementStore.REFERS_TO))) {
                        additions.merge(
                                document.getString("_id"), StatementFields.valuesOf(target), XapiStatements::union);
                    }
                }
            }
        }
        for (Document referrer : referrers) {
            String target = referrer.getString(StatementStore.REFERS_TO);
            Map<String, List<String>> values = StatementFields.valuesOf(byId.get(target));
            if (additions.containsKey(target)) {
                values = union(values, additions.get(target));
            }
            additions.merge(referrer.getString("_id"), values, XapiStatements::union);
        }
        Set<String> visited = new HashSet<>();
        Map<String, Map<String, List<String>>> level = additions;
        while (!level.isEmpty()) {
            level.forEach(store::addFilterValues);
            visited.addAll(level.keySet());
            Map<String, Map<String, List<String>>> next = new LinkedHashMap<>();
            for (Document referrer : store.referringTo(provider, level.keySet())) {
                String id = referrer.getString("_id");
                if (!visited.contains(id)) {
                    next.merge(id, level.get(referrer.getString(StatementStore.REFERS_TO)), XapiStatements::union);
                }
            }
            level = next;
        }
    }

    private static Map<String, List<String>> union(Map<String, List<String>> a, Map<String, List<String>> b) {
        Map<String, List<String>> merged = new LinkedHashMap<>();
        for (String field : StatementFields.NAMES) {
            Set<String> values = new java.util.LinkedHashSet<>(a.getOrDefault(field, List.of()));
            values.addAll(b.getOrDefault(field, List.of()));
            merged.put(field, List.copyOf(values));
        }
        return merged;
    }

    /** Data 2.3.1; a timestamp the LRS set (none was sent) is left out of the comparison. */
    private static boolean same(Document stored, ObjectNode received, boolean timestampSetByLrs) {
        ObjectNode existing = (ObjectNode) read(stored.getString(StatementStore.RAW));
        ObjectNode incoming = received.deepCopy();
        if (Boolean.TRUE.equals(stored.getBoolean(LRS_TIMESTAMP))) {
            existing.remove("timestamp");
        }
        if (timestampSetByLrs) {
            incoming.remove("timestamp");
        }
        return StatementFormats.same(existing, incoming);
    }

    /** The stored statements the batch's StatementRefs point to; a voiding statement may not target another. */
    private Map<String, Document> targets(Map<String, ObjectNode> batch, Map<String, Document> existing) {
        Set<String> refs = new HashSet<>();
        batch.values().forEach(s -> {
            if ("StatementRef".equals(s.path("object").path("objectType").asText())) {
                refs.add(s.path("object").path("id").asText().toLowerCase(Locale.ROOT));
            }
        });
        Map<String, Document> targets = new HashMap<>();
        if (!refs.isEmpty()) {
            store.findAll(refs).forEach(d -> targets.put(d.getString("_id"), d));
        }
        for (Map.Entry<String, ObjectNode> entry : batch.entrySet()) {
            ObjectNode statement = entry.getValue();
            if (existing.containsKey(entry.getKey()) || !isVoiding(statement)) {
                continue;
            }
            String target = statement.path("object").path("id").asText().toLowerCase(Locale.ROOT);
            Document stored = targets.get(target);
            ObjectNode inBatch = batch.get(target);
            if (stored != null && Boolean.TRUE.equals(stored.getBoolean(StatementStore.VOIDING))
                    || inBatch != null && isVoiding(inBatch)) {
                throw StatementValidator.invalid(
                        "object.id", "refers to a voiding statement, which cannot be voided" + " (Data 2.3.2)");
            }
        }
        return targets;
    }

    /** In a multipart/mixed request every attachment without fileUrl has its part (Communication 1.5.2.s3.b5). */
    private static void missingParts(JsonNode statement, XapiMultipart.Parts parts, boolean multipart) {
        if (!multipart) {
            return;
        }
        for (String list : List.of("attachments", "object.attachments")) {
            JsonNode attachments = list.startsWith("object")
                    ? statement.path("object").path("attachments")
                    : statement.path("attachments");
            for (int i = 0; i < attachments.size(); i++) {
                JsonNode attachment = attachments.get(i);
                if (!attachment.has("fileUrl")
                        && !parts.has(attachment.path("sha2").asText())) {
                    throw ApiException.of(
                                    EvidenceError.XAPI_ATTACHMENT_INVALID,
                                    "Attachment " + list + "[" + i + "] has no fileUrl and no part of the request"
                                            + " has its sha2 (Communication 1.5.2). Nothing was stored.")
                            .with("property", list + "[" + i + "].sha2");
                }
            }
        }
    }

    private static boolean isVoiding(JsonNode statement) {
        return StatementValidator.VOIDED.equals(
                statement.path("verb").path("id").asText());
    }

    /** The statement as the LRS stores it: id, stored, authority and version set (Data 2.4.7-2.4.10). */
    private ObjectNode complete(
            ObjectNode received, String id, Instant stored, XapiAccess.Principal principal, String defaultVersion) {
        ObjectNode statement = received.deepCopy();
        statement.put("id", id);
        statement.put("stored", stored.toString());
        if (!statement.has("timestamp")) {
            statement.put("timestamp", stored.toString());
        }
        statement.set("authority", principal.authority().deepCopy());
        if (!statement.has("version")) {
            statement.put("version", defaultVersion);
        }
        if (statement.get("context") instanceof ObjectNode context) {
            StatementFormats.arrays(context);
        }
        if (statement.path("object").get("context") instanceof ObjectNode context) {
            StatementFormats.arrays(context);
        }
        return statement;
    }

    private Document document(
            String id,
            ObjectNode statement,
            boolean lrsTimestamp,
            Instant stored,
            XapiAccess.Principal principal,
            Map<String, Document> targets) {
        Document document = new Document("_id", id)
                .append(StatementStore.PROVIDER, principal.providerUkprn())
                .append(StatementStore.STORED, Date.from(stored))
                .append(StatementStore.VOIDED, false)
                .append(StatementStore.VOIDING, isVoiding(statement));
        document.append(LRS_TIMESTAMP, lrsTimestamp);
        // Until the conversion records what became of it; the sweep retries conversions that did not finish.
        document.append(StatementStore.OUTCOME, isVoiding(statement) ? "NONE" : StatementStore.CONVERTING);
        StatementFields fields = StatementFields.of(statement);
        if ("StatementRef".equals(statement.path("object").path("objectType").asText())) {
            String target = statement.path("object").path("id").asText().toLowerCase(Locale.ROOT);
            document.append(StatementStore.REFERS_TO, target);
            if (isVoiding(statement)) {
                document.append(StatementStore.VOIDS, target);
            }
            Document found = targets.get(target);
            if (found != null && principal.providerUkprn().equals(found.getString(StatementStore.PROVIDER))) {
                fields.inherit(found);
            }
        }
        fields.into(document);
        List<String> actorKeys = XapiActors.keys(statement.get("actor"));
        if (!actorKeys.isEmpty()) {
            document.append(StatementStore.ACTOR_KEYS, actorKeys);
        }
        return document.append(StatementStore.RAW, statement.toString());
    }

    /**
     * A statement whose actor is an apprentice of another provider is refused (403): an LMS credential speaks for
     * its own provider's learners only. The actor is matched by an {@code account} whose name is a ULN.
     */
    private void refuseOtherProvidersLearners(Iterable<ObjectNode> statements, String provider) {
        for (ObjectNode statement : statements) {
            String uln = statement.path("actor").path("account").path("name").asText(null);
            if (uln == null || !ULN.matcher(uln).matches()) {
                continue;
            }
            boolean known = apprentices.count("uln", uln) > 0;
            boolean ours = apprentices.count("uln = ?1 and providerUkprn = ?2", uln, provider) > 0;
            if (known && !ours) {
                throw ApiException.of(
                                EvidenceError.XAPI_LEARNER_OF_ANOTHER_PROVIDER,
                                "The actor is an apprentice of another training provider; your LMS credential"
                                        + " sends statements about your own apprentices only. Nothing was stored.")
                        .with("statementId", statement.path("id").asText());
            }
        }
    }

    // ------------------------------------------------------------------ reading

    public enum Format {
        IDS,
        EXACT,
        CANONICAL;

        static Format of(String value) {
            return switch (value == null ? "exact" : value) {
                case "ids" -> IDS;
                case "exact" -> EXACT;
                case "canonical" -> CANONICAL;
                default -> throw invalidParameter("format", "must be ids, exact or canonical");
            };
        }
    }

    /** One statement by id; voided ones only by voidedStatementId (Communication 2.1.3). */
    public Stored one(String id, boolean voided, XapiAccess.Principal principal) {
        Document document = store.find(id.toLowerCase(Locale.ROOT))
                .filter(d -> principal.providerUkprn() == null
                        || principal.providerUkprn().equals(d.getString(StatementStore.PROVIDER)))
                .filter(d -> voided == Boolean.TRUE.equals(d.getBoolean(StatementStore.VOIDED)))
                .orElseThrow(() -> ApiException.of(
                                EvidenceError.XAPI_STATEMENT_NOT_FOUND,
                                "No " + (voided ? "voided " : "") + "statement with id " + id + " is stored for you.")
                        .with("statementId", id));
        return new Stored(
                read(document.getString(StatementStore.RAW)),
                document.getDate(StatementStore.STORED).toInstant());
    }

    public record Stored(JsonNode statement, Instant stored) {}

    /** The query parameters of GET /xapi/statements once checked. */
    public record Query(
            String agent,
            String verb,
            String activity,
            String registration,
            boolean relatedActivities,
            boolean relatedAgents,
            Instant since,
            Instant until,
            int limit,
            boolean ascending) {}

    public record Page(List<JsonNode> statements, String more) {}

    public Page query(Query query, Map<String, String> params, XapiAccess.Principal principal, Cursor after) {
        List<Bson> filters = new ArrayList<>();
        if (principal.providerUkprn() != null) {
            filters.add(Filters.eq(StatementStore.PROVIDER, principal.providerUkprn()));
        }
        filters.add(Filters.ne(StatementStore.VOIDED, true));
        if (query.agent() != null) {
            filters.add(Filters.eq(
                    query.relatedAgents() ? StatementFields.RELATED_AGENTS : StatementFields.AGENTS, query.agent()));
        }
        if (query.verb() != null) {
            filters.add(Filters.eq(StatementFields.VERBS, query.verb()));
        }
        if (query.activity() != null) {
            filters.add(Filters.eq(
                    query.relatedActivities() ? StatementFields.RELATED_ACTIVITIES : StatementFields.ACTIVITIES,
                    query.activity()));
        }
        if (query.registration() != null) {
            filters.add(Filters.eq(
                    StatementFields.REGISTRATIONS, query.registration().toLowerCase(Locale.ROOT)));
        }
        if (query.since() != null) {
            filters.add(Filters.gt(StatementStore.STORED, Date.from(query.since())));
        }
        if (query.until() != null) {
            filters.add(Filters.lte(StatementStore.STORED, Date.from(query.until())));
        }
        if (after != null) {
            Date at = Date.from(after.stored());
            filters.add(
                    query.ascending()
                            ? Filters.or(
                                    Filters.gt(StatementStore.STORED, at),
                                    Filters.and(Filters.eq(StatementStore.STORED, at), Filters.gt("_id", after.id())))
                            : Filters.or(
                                    Filters.lt(StatementStore.STORED, at),
                                    Filters.and(Filters.eq(StatementStore.STORED, at), Filters.lt("_id", after.id()))));
        }
        int limit = query.limit() == 0 ? config.maxPageSize() : Math.min(query.limit(), config.maxPageSize());
        List<Document> found = store.query(Filters.and(filters), query.ascending(), limit + 1);
        boolean more = found.size() > limit;
        List<Document> page = more ? found.subList(0, limit) : found;
        List<JsonNode> statements = new ArrayList<>();
        page.forEach(d -> statements.add(read(d.getString(StatementStore.RAW))));
        String next = null;
        if (more) {
            Document last = page.get(page.size() - 1);
            next = new Cursor(last.getDate(StatementStore.STORED).toInstant(), last.getString("_id"), params).encode();
        }
        return new Page(statements, next);
    }

    /** Where the next page starts, and the query it continues; opaque to clients. */
    public record Cursor(Instant stored, String id, Map<String, String> params) {

        String encode() {
            ObjectNode node = STRICT.createObjectNode();
            node.put("s", stored.toString()).put("i", id);
            ObjectNode q = node.putObject("q");
            params.forEach(q::put);
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(node.toString().getBytes(StandardCharsets.UTF_8));
        }

        public static Cursor decode(String token) {
            try {
                JsonNode node =
                        STRICT.readTree(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8));
                Map<String, String> params = new LinkedHashMap<>();
                node.get("q")
                        .fields()
                        .forEachRemaining(
                                e -> params.put(e.getKey(), e.getValue().asText()));
                return new Cursor(
                        Instant.parse(node.get("s").asText()), node.get("i").asText(), params);
            } catch (RuntimeException | JsonProcessingException e) {
                throw invalidParameter("more", "is not a more link this LRS gave");
            }
        }
    }

    // ------------------------------------------------------------------ JSON

    static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw StatementValidator.invalid("statement", "is missing: the request has no body");
        }
        try {
            return STRICT.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiException.of(
                    EvidenceError.XAPI_STATEMENT_INVALID,
                    "The body is not well-formed JSON (or repeats a property): " + e.getOriginalMessage());
        }
    }

    static JsonNode read(String raw) {
        try {
            return STRICT.readTree(raw);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored statement is not JSON", e);
        }
    }

    static ApiException invalidParameter(String name, String message) {
        return ApiException.of(EvidenceError.XAPI_PARAMETER_INVALID, name + " " + message + ".")
                .with("parameter", name);
    }
}
