package uk.apprenticeships.st1398.evidence.xapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import uk.apprenticeships.st1398.evidence.domain.Apprentice;
import uk.apprenticeships.st1398.evidence.repository.ApprenticeRepository;
import uk.apprenticeships.st1398.evidence.service.ApprenticeAccess;
import uk.apprenticeships.st1398.evidence.service.EvidenceError;
import uk.apprenticeships.st1398.evidence.service.Stamps;
import uk.apprenticeships.st1398.platform.api.PageRequest;
import uk.apprenticeships.st1398.platform.api.PageResponse;
import uk.apprenticeships.st1398.platform.problem.ApiException;

/**
 * Tutors link an xAPI actor of their LMS to one of their apprentices; the provider's statements about that actor
 * that waited (stored while the actor was unknown) become evidence at once, and later ones on arrival.
 */
@ApplicationScoped
public class XapiActorLinking {

    private final XapiActorLinks links;
    private final ApprenticeRepository apprentices;
    private final XapiEvidence evidence;
    private final Stamps stamps;

    public XapiActorLinking(
            XapiActorLinks links, ApprenticeRepository apprentices, XapiEvidence evidence, Stamps stamps) {
        this.links = links;
        this.apprentices = apprentices;
        this.evidence = evidence;
        this.stamps = stamps;
    }

    /** Links the actor (an Agent) to the apprentice; replaces that actor's earlier link within the provider. */
    public XapiActorLink link(String apprenticeId, Map<String, Object> actor) {
        Apprentice apprentice = apprentice(apprenticeId);
        JsonNode agent = XapiStatements.STRICT.valueToTree(actor);
        if (agent == null
                || !agent.isObject()
                || "Group".equals(agent.path("objectType").asText())) {
            throw ApiException.invalid("actor", "must be an xAPI Agent (one person), not a Group");
        }
        try {
            StatementValidator.agent(agent, "actor");
        } catch (ApiException e) {
            throw ApiException.invalid("actor", e.getMessage() == null ? "must be an xAPI Agent" : e.getMessage());
        }
        List<String> keys = XapiActors.keys(agent);
        String key = keys.get(0);
        XapiActorLink link = new XapiActorLink();
        link.id = XapiActorLink.idOf(apprentice.providerUkprn, key);
        link.providerUkprn = apprentice.providerUkprn;
        link.actorKey = key;
        try {
            link.actor = XapiStatements.STRICT.writeValueAsString(agent);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        link.apprenticeId = apprentice.id;
        link.linkedAt = stamps.now();
        link.linkedBy = stamps.stamp(link.linkedAt);
        links.persistOrUpdate(link);
        evidence.onLinked(apprentice, keys);
        return link;
    }

    public PageResponse<XapiActorLink> list(String apprenticeId, PageRequest page) {
        return links.ofApprentice(apprentice(apprenticeId).id, page);
    }

    public void unlink(String apprenticeId, String linkId) {
        Apprentice apprentice = apprentice(apprenticeId);
        XapiActorLink link = links.findByIdOptional(linkId)
                .filter(l -> apprentice.id.equals(l.apprenticeId))
                .orElseThrow(() -> ApiException.of(
                                EvidenceError.XAPI_ACTOR_LINK_NOT_FOUND, "The apprentice has no link " + linkId + ".")
                        .with("linkId", linkId));
        links.delete(link);
    }

    /** The apprentice, if the caller's tenant sees it (404 otherwise; 410 once erased): ApprenticeAccess. */
    private Apprentice apprentice(String id) {
        return ApprenticeAccess.visible(apprentices, stamps.caller(), id);
    }
}
