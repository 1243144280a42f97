package uk.apprenticeships.st1398.evidence.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import uk.apprenticeships.st1398.evidence.domain.Apprentice;

/**
 * Person objects for the Agents resource (xAPI-Communication.md 2.4): every identity the LRS knows belongs to the
 * person the agent is. The platform knows an actor is an apprentice of the provider (XapiActors: a tutor's link, an
 * account naming the ULN or the learner reference); the Person then joins the agent given with every actor the
 * provider's tutors linked to that apprentice ({@code xapi_actor_links}), each identifier once. Joining reveals
 * identities the caller did not give, so it needs an explicit permission (2.4.s3.b1): without it, and for an actor
 * the LRS does not know, the Person holds the agent given only (2.4.s3.b3).
 */
@ApplicationScoped
public class XapiPersons {

    static final List<String> IFIS = List.of("mbox", "mbox_sha1sum", "openid", "account");
    /** Links read for one person; a tutor links a handful. */
    static final int MAX_LINKS = 100;

    private final XapiActors actors;
    private final XapiActorLinks links;

    public XapiPersons(XapiActors actors, XapiActorLinks links) {
        this.actors = actors;
        this.links = links;
    }

    /**
     * @param provider the caller's provider (null: an admin, for whom nothing is joined: links are per provider)
     * @param join whether the caller may see identities it did not give
     */
    public ObjectNode person(String provider, JsonNode agent, boolean join) {
        List<JsonNode> identities = new ArrayList<>();
        identities.add(agent);
        if (join && provider != null) {
            Optional<Apprentice> apprentice = actors.resolve(provider, agent);
            apprentice.ifPresent(a -> links
                    .find("apprenticeId", io.quarkus.panache.common.Sort.ascending("_id"), a.id)
                    .page(0, MAX_LINKS)
                    .list()
                    .stream()
                    .filter(l -> provider.equals(l.providerUkprn))
                    .forEach(l -> identities.add(XapiStatements.read(l.actor))));
        }
        ObjectNode person = XapiStatements.STRICT.createObjectNode().put("objectType", "Person");
        Set<String> names = new LinkedHashSet<>();
        identities.forEach(i -> {
            if (i.hasNonNull("name")) {
                names.add(i.get("name").asText());
            }
        });
        if (!names.isEmpty()) {
            ArrayNode array = person.putArray("name");
            names.forEach(array::add);
        }
        for (String ifi : IFIS) {
            Set<JsonNode> values = new LinkedHashSet<>();
            identities.forEach(i -> {
                if (i.hasNonNull(ifi)) {
                    values.add(ifi.equals("account") ? account(i.get(ifi)) : i.get(ifi));
                }
            });
            if (!values.isEmpty()) {
                ArrayNode array = person.putArray(ifi);
                values.forEach(array::add);
            }
        }
        return person;
    }

    /** An account as a Person lists it: homePage and name only (Communication 2.4.s5: complete account objects). */
    private static JsonNode account(JsonNode account) {
        ObjectNode copy = XapiStatements.STRICT.createObjectNode();
        copy.set("homePage", account.get("homePage"));
        copy.set("name", account.get("name"));
        return copy;
    }
}
