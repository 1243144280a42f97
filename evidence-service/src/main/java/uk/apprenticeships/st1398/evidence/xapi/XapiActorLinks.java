package uk.apprenticeships.st1398.evidence.xapi;

import io.quarkus.mongodb.panache.PanacheMongoRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.bson.types.ObjectId;
import uk.apprenticeships.st1398.platform.api.PageRequest;
import uk.apprenticeships.st1398.platform.api.PageResponse;

/** The links of xAPI actors to apprentices, one per provider and actor key ({@code xapi_actor_links}). */
@ApplicationScoped
public class XapiActorLinks implements PanacheMongoRepositoryBase<XapiActorLink, String> {

    /** The apprentice's links, listed in id order (real MongoDB; the embedded wire server keeps unique ones only). */
    void createIndexes(@jakarta.enterprise.event.Observes io.quarkus.runtime.StartupEvent e) {
        mongoCollection()
                .createIndex(
                        com.mongodb.client.model.Indexes.ascending("apprenticeId", "_id"),
                        new com.mongodb.client.model.IndexOptions().name("apprentice"));
    }

    public Optional<ObjectId> apprenticeOf(String provider, String actorKey) {
        return findByIdOptional(XapiActorLink.idOf(provider, actorKey)).map(l -> l.apprenticeId);
    }

    public PageResponse<XapiActorLink> ofApprentice(ObjectId apprenticeId, PageRequest page) {
        var query = find("apprenticeId", Sort.ascending("_id"), apprenticeId);
        return PageResponse.of(query.page(page.page(), page.size()).list(), l -> l, page, query.count());
    }
}
