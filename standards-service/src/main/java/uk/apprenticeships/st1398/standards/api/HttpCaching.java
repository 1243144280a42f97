package uk.apprenticeships.st1398.standards.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import uk.apprenticeships.st1398.standards.config.StandardsConfig;

/**
 * The one place that makes catalogue reads cacheable, so no endpoint can forget: every successful GET (and HEAD)
 * gets a strong ETag computed from the exact body bytes sent, {@code Cache-Control} for public reference data,
 * and {@code 304 Not Modified} without a body when the client's If-None-Match already names that tag.
 * The body is serialised here once and sent as those bytes, so the tag always describes what goes on the wire.
 */
public class HttpCaching {

    private static final MediaType JSON_UTF8 = MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8");

    private final ObjectMapper json;
    private final String cacheControl;

    public HttpCaching(ObjectMapper json, StandardsConfig config) {
        this.json = json;
        this.cacheControl = "public, max-age=" + config.cacheMaxAge().toSeconds();
    }

    @ServerResponseFilter
    public void cacheReads(ContainerRequestContext request, ContainerResponseContext response)
            throws JsonProcessingException {
        if (!isCacheable(request, response)) {
            return;
        }
        byte[] body = json.writeValueAsBytes(response.getEntity());
        String tag = EntityTags.of(body);
        response.getHeaders().putSingle(HttpHeaders.ETAG, tag);
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, cacheControl);
        if (EntityTags.noneMatchHits(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), tag)) {
            response.setStatus(Response.Status.NOT_MODIFIED.getStatusCode());
            response.setEntity(null);
            response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
        } else {
            response.setEntity(body, response.getEntityAnnotations(), JSON_UTF8);
        }
    }

    private static boolean isCacheable(ContainerRequestContext request, ContainerResponseContext response) {
        String method = request.getMethod();
        return (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method))
                && response.getStatus() == Response.Status.OK.getStatusCode() && response.hasEntity()
                && isJson(response.getMediaType());
    }

    /** Not negotiated yet (null) means the resource's JSON default; other media types are not ours to re-encode. */
    private static boolean isJson(MediaType type) {
        return type == null || MediaType.APPLICATION_JSON_TYPE.isCompatible(type);
    }
}
