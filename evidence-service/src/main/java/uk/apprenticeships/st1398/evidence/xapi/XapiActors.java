package uk.apprenticeships.st1398.evidence.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.model.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bson.types.ObjectId;
import uk.apprenticeships.st1398.evidence.domain.Apprentice;
import uk.apprenticeships.st1398.evidence.repository.ApprenticeRepository;

/**
 * Which apprentice of the credential's provider a statement's actor is (docs/xapi.md, "Actor → apprentice"), in
 * this order: a link a tutor made for that actor (its {@code mbox}, {@code mbox_sha1sum}, {@code openid} or
 * {@code account}: {@code POST /api/v1/xapi-actor-links}); an {@code account} whose {@code name} is the ULN of an
 * apprentice of the provider; an {@code account} whose {@code name} is an apprentice's {@code learnerReference} (the
 * provider's MIS learner reference). The account's {@code homePage} is the LMS's and is not compared.
 *
 * <p>An actor is known by its keys: {@code account:<name>}, {@code mbox:<SHA-1 of the mailto IRI>} (so {@code mbox}
 * and {@code mbox_sha1sum} name the same person), {@code openid:<IRI>}. Statements keep their actor's keys, so
 * those that waited for an unknown actor are found when the actor becomes known.
 */
@ApplicationScoped
public class XapiActors {

    static final String LEARNER_REFERENCE = "learnerReference";

    private final ApprenticeRepository apprentices;
    private final XapiActorLinks links;

    public XapiActors(ApprenticeRepository apprentices, XapiActorLinks links) {
        this.apprentices = apprentices;
        this.links = links;
    }

    /** The keys of an Agent (none for a Group: a group is not one apprentice). */
    public static List<String> keys(JsonNode actor) {
        List<String> keys = new ArrayList<>();
        if (actor == null || "Group".equals(actor.path("objectType").asText())) {
            return keys;
        }
        if (actor.hasNonNull("mbox")) {
            keys.add("mbox:" + sha1(actor.get("mbox").asText()));
        }
        if (actor.hasNonNull("mbox_sha1sum")) {
            keys.add("mbox:" + actor.get("mbox_sha1sum").asText().toLowerCase(Locale.ROOT));
        }
        if (actor.hasNonNull("openid")) {
            keys.add("openid:" + actor.get("openid").asText());
        }
        if (actor.path("account").hasNonNull("name")) {
            keys.add(accountKey(actor.path("account").path("name").asText()));
        }
        return keys;
    }

    static String accountKey(String name) {
        return "account:" + name;
    }

    /** The provider's apprentice this actor is, if known. */
    public Optional<Apprentice> resolve(String provider, JsonNode actor) {
        for (String key : keys(actor)) {
            Optional<ObjectId> linked = links.apprenticeOf(provider, key);
            if (linked.isPresent()) {
                Optional<Apprentice> found = apprentices.findByIdOptional(linked.get());
                if (found.isPresent() && provider.equals(found.get().providerUkprn)) {
                    return found;
                }
            }
        }
        String name = actor == null ? null : actor.path("account").path("name").asText(null);
        if (name == null) {
            return Optional.empty();
        }
        if (XapiEvidence.ULN.matcher(name).matches()) {
            Optional<Apprentice> byUln = apprentices
                    .find("uln = ?1 and providerUkprn = ?2", name, provider)
                    .firstResultOptional();
            if (byUln.isPresent()) {
                return byUln;
            }
        }
        // The apprentice record's learnerReference (unique per provider), found through the provider-scoped
        // identifier key and its unique index, not by scanning the collection.
        Apprentice byReference = apprentices
                .mongoCollection()
                .find(Filters.eq("identifierKeys", ApprenticeRepository.learnerReferenceKey(provider, name)))
                .first();
        return Optional.ofNullable(byReference);
    }

    /** The provider's apprentice an actor key names, if known now (a link; for account keys a ULN or reference). */
    public Optional<Apprentice> resolveKey(String provider, String key) {
        com.fasterxml.jackson.databind.node.ObjectNode actor =
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        Optional<ObjectId> linked = links.apprenticeOf(provider, key);
        if (linked.isPresent()) {
            return apprentices.findByIdOptional(linked.get()).filter(a -> provider.equals(a.providerUkprn));
        }
        if (!key.startsWith("account:")) {
            return Optional.empty();
        }
        actor.putObject("account").put("name", key.substring("account:".length()));
        return resolve(provider, actor);
    }

    /** The keys under which statements about this apprentice may have waited: its ULN and learner reference. */
    public List<String> keysOf(Apprentice apprentice) {
        List<String> keys = new ArrayList<>();
        keys.add(accountKey(apprentice.uln));
        org.bson.Document raw = apprentices
                .mongoCollection()
                .withDocumentClass(org.bson.Document.class)
                .find(Filters.eq("_id", apprentice.id))
                .first();
        if (raw != null && raw.get(LEARNER_REFERENCE) instanceof String reference && !reference.isBlank()) {
            keys.add(accountKey(reference));
        }
        return keys;
    }

    static String sha1(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
