package uk.apprenticeships.st1398.evidence.repository;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.quarkus.mongodb.panache.PanacheMongoRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.bson.Document;
import uk.apprenticeships.st1398.evidence.domain.Provider;
import uk.apprenticeships.st1398.platform.api.PageRequest;

/** The provider register, keyed by UKPRN (the document id, so one record per UKPRN without another index). */
@ApplicationScoped
public class ProviderRepository implements PanacheMongoRepositoryBase<Provider, String> {

    /** Writes the provider; true when it was new. One single-document upsert. */
    public boolean save(Provider provider) {
        return mongoCollection()
                        .replaceOne(Filters.eq("_id", provider.ukprn), provider, new ReplaceOptions().upsert(true))
                        .getUpsertedId()
                != null;
    }

    public List<Provider> list(PageRequest page) {
        return find(new Document(), new Document("_id", 1))
                .page(page.page(), page.size())
                .list();
    }
}
