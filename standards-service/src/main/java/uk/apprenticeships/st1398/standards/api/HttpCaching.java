package uk.apprenticeships.st1398.standards.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import uk.apprenticeships.st1398.platform.http.EntityTags;
import uk.apprenticeships.st1398.standards.config.StandardsConfig;

/**
 * The one place that makes catalogue reads cacheable, so no endpoint can forget: every successful GET (and HEAD)
 * gets a strong ETag computed from the exact body bytes sent, {@code Cache-Control} for public reference data,
 * and {@code 304 Not Modified} without a body when the client's If-None-Match already names that tag.
 * The body is serialised here once and sent as those bytes, so the tag always describes what goes on the wire.
 */
public class HttpCaching {

    private static final MediaType JSON_UTF8 = MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8");

    private static final String READ_GENERATION = HttpCaching.class.getName() + ".generation";

    /** Headers a resource sets that describe its body (the CASE paging total): cached and replayed with it. */
    private static final List<String> BODY_HEADERS = List.of("X-Total-Count", HttpHeaders.LINK);

    private final ObjectMapper json;
    private final String cacheControl;
    private final ReadCache cache;

    public HttpCaching(ObjectMapper json, StandardsConfig config, ReadCache cache) {
        this.json = json;
        this.cacheControl = "public, max-age=" + config.cacheMaxAge().toSeconds();
        this.cache = cache;
    }

    /** Answers a read from the cache when it can, before any resource (and so any database) work. */
    @ServerRequestFilter
    public Response cachedRead(ContainerRequestContext request) {
        if (!isRead(request.getMethod())) {
            return null;
        }
        request.setProperty(READ_GENERATION, cache.generation());
        if (request.getAcceptableMediaTypes().stream().noneMatch(MediaType.APPLICATION_JSON_TYPE::isCompatible)) {
            return null; // let content negotiation answer 406 as usual
        }
        ReadCache.Entry entry = cache.get(cacheKey(request));
        if (entry == null) {
            return null;
        }
        boolean notModified =
                EntityTags.noneMatchHits(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), entry.etag());
        Response.ResponseBuilder builder = notModified ? Response.notModified() : Response.ok(entry.body(), JSON_UTF8);
        if (!notModified) {
            entry.headers().forEach(builder::header);
        }
        return builder.header(HttpHeaders.ETAG, entry.etag())
                .header(HttpHeaders.CACHE_CONTROL, cacheControl)
                .build();
    }

    /** Any successful write may change what reads return. */
    @ServerResponseFilter
    public void invalidateOnWrite(ContainerRequestContext request, ContainerResponseContext response) {
        if (!isRead(request.getMethod()) && response.getStatus() < 300) {
            cache.invalidateAll();
        }
    }

    @ServerResponseFilter
    public void cacheReads(ContainerRequestContext request, ContainerResponseContext response)
            throws JsonProcessingException {
        if (!isCacheable(request, response)) {
            return;
        }
        if (response.getEntity() instanceof byte[]) {
            return; // answered from the cache by cachedRead
        }
        byte[] body = json.writeValueAsBytes(response.getEntity());
        String tag = EntityTags.of(body);
        Object startedIn = request.getProperty(READ_GENERATION);
        if (startedIn instanceof Long generation) {
            cache.put(cacheKey(request), new ReadCache.Entry(body, tag, bodyHeaders(response)), generation);
        }
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

    private static Map<String, String> bodyHeaders(ContainerResponseContext response) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : BODY_HEADERS) {
            String value = response.getHeaderString(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        return headers;
    }

    private static boolean isRead(String method) {
        return HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method);
    }

    private static String cacheKey(ContainerRequestContext request) {
        return request.getUriInfo().getRequestUri().getRawPath() + "?"
                + (request.getUriInfo().getRequestUri().getRawQuery() == null
                        ? ""
                        : request.getUriInfo().getRequestUri().getRawQuery());
    }

    private static boolean isCacheable(ContainerRequestContext request, ContainerResponseContext response) {
        String method = request.getMethod();
        return isRead(method)
                && response.getStatus() == Response.Status.OK.getStatusCode()
                && response.hasEntity()
                && isJson(response.getMediaType());
    }

    /** Not negotiated yet (null) means the resource's JSON default; other media types are not ours to re-encode. */
    private static boolean isJson(MediaType type) {
        return type == null || MediaType.APPLICATION_JSON_TYPE.isCompatible(type);
    }
}
