package uk.apprenticeships.st1398.evidence.xapi;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Statements, one MongoDB document each, keyed by the statement id ({@code _id}, lower case) so every lookup by id
 * and every conflict check hits the primary key. The statement itself is kept verbatim as JSON text ({@code raw}:
 * extension keys are IRIs, whose dots MongoDB field names should not carry); the fields queries filter on are
 * beside it, as arrays, with compound indexes led by the provider (every query is scoped to one).
 */
@ApplicationScoped
public class StatementStore {

    static final String PROVIDER = "provider";
    static final String STORED = "stored";
    static final String VOIDED = "voided";
    static final String VOIDING = "voiding";
    static final String VOIDS = "voids";
    static final String REFERS_TO = "refersTo";
    static final String RAW = "raw";

    /** The marker of the one-time backfill of {@code xapi_statement_refs} from statements stored before it. */
    static final String REFS_BACKFILLED = "backfilled";

    private final MongoCollection<Document> statements;
    /**
     * Who refers to whom: {@code _id} = {@code <provider>:<target id>}, {@code referrers} = the ids of the
     * provider's statements whose object is a StatementRef to that target. Looked up by primary key, so finding the
     * statements that refer to a request's statements (voiding them, lending them filter values) costs the same at
     * a million statements as at ten, on MongoDB and on the embedded wire server (which keeps no other index).
     */
    private final MongoCollection<Document> refs;

    private final java.time.Clock clock;

    public StatementStore(
            MongoClient client,
            @ConfigProperty(name = "quarkus.mongodb.database") String database,
            java.time.Clock clock) {
        this.statements = client.getDatabase(database).getCollection("xapi_statements");
        this.refs = client.getDatabase(database).getCollection("xapi_statement_refs");
        this.clock = clock;
    }

    /** Runs {@code work} unless {@code marker} is recorded in {@code xapi_statement_refs}, then records it. */
    private void once(String marker, Runnable work) {
        if (refs.find(Filters.eq("_id", marker)).first() != null) {
            return;
        }
        work.run();
        refs.updateOne(
                Filters.eq("_id", marker),
                Updates.set("at", java.util.Date.from(clock.instant())),
                new com.mongodb.client.model.UpdateOptions().upsert(true));
    }

    /**
     * Statements stored by versions before {@code xapi_statement_refs} existed are entered once, at the first start
     * (their {@code refersTo} field; a scan, once), then a marker keeps later starts from repeating it.
     */
    void backfillRefs(@Observes StartupEvent event) {
        once(
                REFS_BACKFILLED,
                () -> statements
                        .find(Filters.exists(REFERS_TO))
                        .projection(new Document(REFERS_TO, 1).append(PROVIDER, 1))
                        .forEach(d ->
                                recordReference(d.getString(PROVIDER), d.getString(REFERS_TO), d.getString("_id"))));
    }

    /** The marker of the one-time indexing of Group members in the agent filter fields of earlier statements. */
    static final String GROUP_MEMBERS_INDEXED = "group-members-indexed";

    /**
     * Statements stored by versions that did not index a Group's members under the agent filters gain them once, at
     * the first start (those whose JSON has a {@code member}; their fields recomputed and added, so values inherited
     * from StatementRef targets stay), then a marker keeps later starts from repeating it.
     */
    void backfillGroupMembers(@Observes StartupEvent event) {
        once(
                GROUP_MEMBERS_INDEXED,
                () -> statements
                        .find(Filters.regex(RAW, "\"member\""))
                        .projection(new Document(RAW, 1))
                        .forEach(d -> addFilterValues(
                                d.getString("_id"),
                                StatementFields.valuesOf(
                                        fieldsDocument(StatementFields.of(XapiStatements.read(d.getString(RAW))))))));
    }

    private static Document fieldsDocument(StatementFields fields) {
        Document document = new Document();
        fields.into(document);
        return document;
    }

    /** Records that a stored statement of the provider refers to a target (idempotent: {@code $addToSet}). */
    public void recordReference(String provider, String target, String referrer) {
        refs.updateOne(
                Filters.eq("_id", provider + ":" + target),
                Updates.addToSet("referrers", referrer),
                new com.mongodb.client.model.UpdateOptions().upsert(true));
    }

    void createIndexes(@Observes StartupEvent event) {
        statements.createIndex(Indexes.descending(PROVIDER, STORED, "_id"), new IndexOptions().name("provider_stored"));
        for (String field : List.of(
                StatementFields.VERBS,
                StatementFields.AGENTS,
                StatementFields.RELATED_AGENTS,
                StatementFields.ACTIVITIES,
                StatementFields.RELATED_ACTIVITIES,
                StatementFields.REGISTRATIONS)) {
            statements.createIndex(
                    Indexes.compoundIndex(Indexes.ascending(PROVIDER, field), Indexes.descending(STORED, "_id")),
                    new IndexOptions().name("provider_" + field + "_stored"));
        }
        // Conversions that did not finish, oldest first (XapiPendingSweep).
        statements.createIndex(Indexes.ascending(OUTCOME, STORED), new IndexOptions().name("outcome_stored"));
        // Statements waiting for their actor to become known (XapiEvidence.onLinked).
        statements.createIndex(
                Indexes.ascending(PROVIDER, ACTOR_KEYS, OUTCOME), new IndexOptions().name("provider_actor_outcome"));
    }

    public Optional<Document> find(String id) {
        return Optional.ofNullable(statements.find(Filters.eq("_id", id)).first());
    }

    public List<Document> findAll(Collection<String> ids) {
        return statements.find(Filters.in("_id", ids)).into(new ArrayList<>());
    }

    public void insert(List<Document> documents) {
        if (!documents.isEmpty()) {
            statements.insertMany(documents);
        }
        for (Document document : documents) {
            if (document.getString(REFERS_TO) != null) {
                recordReference(document.getString(PROVIDER), document.getString(REFERS_TO), document.getString("_id"));
            }
        }
    }

    /** Marks the target voided, unless it is itself a voiding statement (Data 2.3.2). */
    public void markVoided(String provider, String targetId) {
        statements.updateOne(
                Filters.and(Filters.eq("_id", targetId), Filters.eq(PROVIDER, provider), Filters.ne(VOIDING, true)),
                Updates.set(VOIDED, true));
    }

    /**
     * The provider's stored statements whose object is a StatementRef to one of these ids (voiding statements
     * included), with their filter fields: a primary-key lookup in {@code xapi_statement_refs}, then (only when
     * there are any) one of the referrers by id.
     */
    public List<Document> referringTo(String provider, Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<String> keys = ids.stream().map(id -> provider + ":" + id).toList();
        java.util.Set<String> referrers = new java.util.LinkedHashSet<>();
        refs.find(Filters.in("_id", keys)).forEach(d -> {
            List<String> list = d.getList("referrers", String.class);
            if (list != null) {
                referrers.addAll(list);
            }
        });
        if (referrers.isEmpty()) {
            return List.of();
        }
        Document projection = new Document(VOIDS, 1).append(REFERS_TO, 1).append(PROVIDER, 1);
        StatementFields.NAMES.forEach(f -> projection.append(f, 1));
        return statements
                .find(Filters.and(Filters.in("_id", referrers), Filters.eq(PROVIDER, provider)))
                .projection(projection)
                .into(new ArrayList<>());
    }

    /**
     * Adds filter values to a stored statement's filter fields ({@code $addToSet} with {@code $each}: idempotent,
     * and concurrent additions never lose each other's values). The statement itself ({@code raw}) is untouched.
     */
    public void addFilterValues(String id, Map<String, List<String>> values) {
        List<Bson> updates = new ArrayList<>();
        values.forEach((field, list) -> {
            if (!list.isEmpty()) {
                updates.add(Updates.addEachToSet(field, list));
            }
        });
        if (!updates.isEmpty()) {
            statements.updateOne(Filters.eq("_id", id), Updates.combine(updates));
        }
    }

    static final String OUTCOME = "evidence";
    /** The outcome of a statement stored but not converted yet (or whose conversion failed). */
    static final String CONVERTING = "CONVERTING";
    /** Written by earlier versions (the ULN an account named); still matched for statements pending since then. */
    static final String ACTOR_ULN = "actorUln";
    /** The actor's keys (XapiActors.keys), to find the statements that waited for it. */
    static final String ACTOR_KEYS = "actorKeys";

    /** What became of the statement in the e-portfolio (XapiEvidence.Outcome). */
    public void setOutcome(String id, String outcome) {
        statements.updateOne(Filters.eq("_id", id), Updates.set(OUTCOME, outcome));
    }

    /** The provider's statements about an actor with one of these keys that wait for it, oldest first. */
    public List<Document> pendingFor(String provider, List<String> actorKeys) {
        List<String> names = actorKeys.stream()
                .filter(k -> k.startsWith("account:"))
                .map(k -> k.substring("account:".length()))
                .toList();
        return statements
                .find(Filters.and(
                        Filters.eq(PROVIDER, provider),
                        Filters.eq(OUTCOME, "PENDING_ACTOR"),
                        Filters.or(Filters.in(ACTOR_KEYS, actorKeys), Filters.in(ACTOR_ULN, names)),
                        Filters.ne(VOIDED, true)))
                .sort(Sorts.ascending(STORED, "_id"))
                .into(new ArrayList<>());
    }

    /** Statements stored before this instant whose conversion did not finish, oldest first. */
    public List<Document> unconverted(java.util.Date storedBefore, int limit) {
        return statements
                .find(Filters.and(
                        Filters.eq(OUTCOME, CONVERTING), Filters.lt(STORED, storedBefore), Filters.ne(VOIDED, true)))
                .sort(Sorts.ascending(STORED, "_id"))
                .limit(limit)
                .into(new ArrayList<>());
    }

    /**
     * Marks the provider's statements whose object is this activity and that became no record ({@code NONE}) for
     * conversion again ({@code CONVERTING}); voided, voiding and referring statements are left alone.
     */
    public long reopen(String provider, String activityId) {
        return statements
                .updateMany(
                        Filters.and(
                                Filters.eq(PROVIDER, provider),
                                Filters.eq(StatementFields.ACTIVITIES, activityId),
                                Filters.eq(OUTCOME, "NONE"),
                                Filters.ne(VOIDED, true),
                                Filters.ne(VOIDING, true),
                                Filters.exists(REFERS_TO, false)),
                        Updates.set(OUTCOME, CONVERTING))
                .getModifiedCount();
    }

    /** The provider's statements about this activity whose conversion has not finished, oldest first. */
    public List<Document> converting(String provider, String activityId, int limit) {
        return statements
                .find(Filters.and(
                        Filters.eq(PROVIDER, provider),
                        Filters.eq(StatementFields.ACTIVITIES, activityId),
                        Filters.eq(OUTCOME, CONVERTING),
                        Filters.ne(VOIDED, true)))
                .sort(Sorts.ascending(STORED, "_id"))
                .limit(limit)
                .into(new ArrayList<>());
    }

    /** The providers that have statements waiting for their actor. */
    public List<String> providersWithPending() {
        return statements.distinct(PROVIDER, pending(), String.class).into(new ArrayList<>());
    }

    /** The actor keys the provider's waiting statements name. */
    public List<String> pendingActorKeys(String provider) {
        return statements
                .distinct(ACTOR_KEYS, Filters.and(Filters.eq(PROVIDER, provider), pending()), String.class)
                .into(new ArrayList<>());
    }

    private static Bson pending() {
        return Filters.and(Filters.eq(OUTCOME, "PENDING_ACTOR"), Filters.ne(VOIDED, true));
    }

    /** The newest statements (not voided) whose object is this activity; every provider's when provider is null. */
    public List<Document> latestAbout(String provider, String activityId, int limit) {
        Bson filter = Filters.and(Filters.eq(StatementFields.ACTIVITIES, activityId), Filters.ne(VOIDED, true));
        if (provider != null) {
            filter = Filters.and(Filters.eq(PROVIDER, provider), filter);
        }
        return query(filter, false, limit);
    }

    public List<Document> query(Bson filter, boolean ascending, int limit) {
        Bson sort = ascending ? Sorts.ascending(STORED, "_id") : Sorts.descending(STORED, "_id");
        return statements.find(filter).sort(sort).limit(limit).into(new ArrayList<>());
    }
}
