package uk.apprenticeships.st1398.evidence.domain;

import io.quarkus.mongodb.panache.common.MongoEntity;
import org.bson.codecs.pojo.annotations.BsonId;

/** A training provider in the provider register: its UKPRN (the id) and name, with who added and last renamed it. */
@MongoEntity(collection = "providers")
public class Provider {

    @BsonId
    public String ukprn;

    /** Domain events not yet handed to the event hub, written with the change (docs/events.md); not audited. */
    public java.util.List<String> outbox;

    public String name;
    public StampDoc created;
    public StampDoc updated;
}
