package uk.apprenticeships.st1398.evidence.xapi;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the three document resources of xAPI (State, Activity Profile, Agent Profile; Communication 2.3, 2.6, 2.7)
 * have in common: the version header, the credential, PUT / POST (JSON merge) / GET (one document with its ETag, or
 * the ids stored since a time) / DELETE with {@code If-Match} / {@code If-None-Match} (Communication 3.1). Each
 * resource says only how its parameters make a document's key.
 */
final class XapiDocumentEndpoint {

    /** Reads and checks a resource's own parameters (after the common checks) into a document key. */
    interface KeyReader {
        XapiDocuments.Key read(
                MultivaluedMap<String, String> params, XapiAccess.Principal principal, boolean idRequired);
    }

    private final XapiDocuments documents;
    private final XapiAccess access;
    private final String resourceName;
    private final Set<String> parameters;
    private final String idName;
    private final boolean profile;
    private final KeyReader keys;

    /**
     * @param idName the parameter naming one document ({@code stateId} or {@code profileId})
     * @param profile profile resources refuse a PUT without a precondition over an existing document (409) and delete
     *     one document only; the State resource does neither
     */
    XapiDocumentEndpoint(
            XapiDocuments documents,
            XapiAccess access,
            String resourceName,
            Set<String> parameters,
            String idName,
            boolean profile,
            KeyReader keys) {
        this.documents = documents;
        this.access = access;
        this.resourceName = resourceName;
        this.parameters = parameters;
        this.idName = idName;
        this.profile = profile;
        this.keys = keys;
    }

    /** PUT (replace) or POST ({@code merge}: a JSON object merged into the stored one, Communication 2.3). */
    Response store(
            String version,
            String authorization,
            String contentType,
            String ifMatch,
            String ifNoneMatch,
            UriInfo uri,
            byte[] body,
            boolean merge) {
        XapiVersions.require(version);
        XapiAccess.Principal principal = access.writer(authorization);
        XapiDocuments.Key key = key(uri.getQueryParameters(), principal, true);
        documents.put(key, contentType, body, ifMatch, ifNoneMatch, merge, profile && !merge);
        return Response.noContent().build();
    }

    Response get(String version, String authorization, UriInfo uri) {
        XapiVersions.require(version);
        XapiAccess.Principal principal = access.writer(authorization);
        MultivaluedMap<String, String> params = uri.getQueryParameters();
        XapiDocuments.Key key = key(params, principal, false);
        if (key.documentId() == null) {
            String since = XapiResource.single(params, "since");
            Instant after = since == null
                    ? null
                    : XapiQueries.parse(Map.of("since", since)).since();
            List<String> ids = documents.ids(key, after);
            return Response.ok(ids, MediaType.APPLICATION_JSON).build();
        }
        if (params.containsKey("since")) {
            throw XapiStatements.invalidParameter("since", "is only used without " + idName);
        }
        XapiDocuments.Stored stored = documents.get(key);
        return Response.ok(stored.content(), stored.contentType())
                .header(HttpHeaders.ETAG, "\"" + stored.etag() + "\"")
                .lastModified(Date.from(stored.updated()))
                .build();
    }

    Response delete(String version, String authorization, String ifMatch, UriInfo uri) {
        XapiVersions.require(version);
        XapiAccess.Principal principal = access.writer(authorization);
        MultivaluedMap<String, String> params = uri.getQueryParameters();
        if (params.containsKey("since")) {
            throw XapiStatements.invalidParameter("since", "is not a parameter of DELETE");
        }
        documents.delete(key(params, principal, profile), ifMatch);
        return Response.noContent().build();
    }

    private XapiDocuments.Key key(
            MultivaluedMap<String, String> params, XapiAccess.Principal principal, boolean idRequired) {
        for (var entry : params.entrySet()) {
            if (!parameters.contains(entry.getKey())) {
                throw XapiStatements.invalidParameter(
                        entry.getKey(), "is not a parameter of the " + resourceName + " (names are case-sensitive)");
            }
            if (entry.getValue().size() > 1) {
                throw XapiStatements.invalidParameter(entry.getKey(), "is given more than once");
            }
        }
        if (idRequired && params.containsKey("since")) {
            throw XapiStatements.invalidParameter("since", "is only used by GET without " + idName);
        }
        return keys.read(params, principal, idRequired);
    }

    /** The {@code idName} parameter, required when a single document is meant. */
    static String documentId(MultivaluedMap<String, String> params, String idName, boolean required) {
        String id = XapiResource.single(params, idName);
        if (required && (id == null || id.isEmpty())) {
            throw XapiStatements.invalidParameter(idName, "is required");
        }
        return id;
    }
}
