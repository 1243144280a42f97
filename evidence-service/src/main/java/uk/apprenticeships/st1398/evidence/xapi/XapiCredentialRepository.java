package uk.apprenticeships.st1398.evidence.xapi;

import io.quarkus.mongodb.panache.PanacheMongoRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class XapiCredentialRepository implements PanacheMongoRepositoryBase<XapiCredential, String> {}
