package uk.apprenticeships.st1398.platform.problem;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import uk.apprenticeships.st1398.platform.client.DownstreamRejected;
import uk.apprenticeships.st1398.platform.http.RequestIds;

/**
 * The single place where exceptions become responses. Every error leaves as {@code application/problem+json};
 * no exception class name or stack trace reaches a client (unexpected errors are logged with the request id
 * and answered with a generic 500).
 */
public class ProblemMapper {

    @ServerExceptionMapper
    public Response apiException(ApiException e, HttpServerRequest request) {
        return respond(new Problem(
                e.code(), e.getMessage(), instance(request), requestId(request), e.violations(), e.extensions()));
    }

    @ServerExceptionMapper
    public Response constraintViolation(
            ConstraintViolationException e, HttpServerRequest request, ResourceInfo resource) {
        Method method = resource == null ? null : resource.getResourceMethod();
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(fieldOf(v.getPropertyPath(), method), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field).thenComparing(Problem.Violation::message))
                .toList();
        String detail = violations.size() == 1
                ? "1 input is invalid: " + violations.get(0).field() + " "
                        + violations.get(0).message()
                : violations.size() + " inputs are invalid; see violations";
        return respond(new Problem(
                PlatformError.VALIDATION_FAILED, detail, instance(request), requestId(request), violations, null));
    }

    @ServerExceptionMapper
    public Response jsonProcessing(JsonProcessingException e, HttpServerRequest request) {
        return respond(malformedBody(e, request));
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, HttpServerRequest request) {
        return respond(malformedBody(e, request));
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, HttpServerRequest request) {
        return unauthorizedResponse(request);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, HttpServerRequest request) {
        return unauthorizedResponse(request);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        return respond(new Problem(
                PlatformError.ROLE_NOT_ALLOWED,
                "Your token is valid but its roles do not allow this operation.",
                instance(request),
                requestId(request),
                null,
                null));
    }

    @ServerExceptionMapper
    public Response webApplication(
            WebApplicationException e, HttpServerRequest request, ResourceInfo resource, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException jpe) {
            return respond(malformedBody(jpe, request));
        }
        if (e instanceof NotFoundException
                && e.getCause() != null
                && resource != null
                && resource.getResourceMethod() != null) {
            // JAX-RS answers 404 when a path or query parameter cannot be converted to its type; the route exists,
            // so say which parameter is wrong instead.
            return respond(
                    ParameterErrors.problem(resource.getResourceMethod(), uri, instance(request), requestId(request)));
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            Log.errorf(e, "Request %s failed", requestId(request));
            return respond(internalError(request));
        }
        Response.ResponseBuilder builder = Response.status(status);
        if (status == 405 && e.getResponse().getHeaderString(HttpHeaders.ALLOW) != null) {
            builder.header(HttpHeaders.ALLOW, e.getResponse().getHeaderString(HttpHeaders.ALLOW));
        }
        PlatformError code = PlatformError.forStatus(status);
        return entity(
                        builder,
                        new Problem(
                                code.type(),
                                status,
                                code.code(),
                                HttpProblems.detailFor(status, request),
                                instance(request),
                                requestId(request),
                                null,
                                null))
                .build();
    }

    @ServerExceptionMapper
    public Response downstreamRejected(DownstreamRejected e, HttpServerRequest request) {
        // A wrapper did not say what this answer means for our caller: the downstream refused a call we made.
        Log.warnf("Request %s: %s", requestId(request), e.getMessage());
        return respond(new Problem(
                PlatformError.DOWNSTREAM_REJECTED,
                e.downstream() + " refused a call made for " + "this request (HTTP " + e.status()
                        + "); nothing was saved.",
                instance(request),
                requestId(request),
                null,
                java.util.Map.of("downstream", e.downstream())));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpServerRequest request) {
        if (DatabaseFailures.unreachable(e)) {
            return databaseUnavailable(e, request);
        }
        Log.errorf(e, "Unexpected error in request %s", requestId(request));
        return respond(internalError(request));
    }

    /** Seconds a client is asked to wait before retrying while the service's database cannot be reached. */
    static final int DATABASE_RETRY_AFTER_SECONDS = 5;

    /**
     * The service's own database cannot be reached (down, restarting, unreachable, or no pooled connection within
     * the acquisition timeout): 503 with {@code Retry-After}, logged without a stack trace, and the driver's exception
     * never named to the client.
     */
    private Response databaseUnavailable(Throwable e, HttpServerRequest request) {
        Log.warnf("Request %s: the database cannot be reached (%s)", requestId(request), rootMessage(e));
        Problem problem = new Problem(
                PlatformError.DATABASE_UNAVAILABLE,
                "The service cannot reach its database just now. Retry shortly.",
                instance(request),
                requestId(request),
                null,
                null);
        return entity(
                        Response.status(problem.getStatus())
                                .header(HttpHeaders.RETRY_AFTER, DATABASE_RETRY_AFTER_SECONDS),
                        problem)
                .build();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private Problem internalError(HttpServerRequest request) {
        return new Problem(
                PlatformError.INTERNAL_ERROR,
                "The server could not complete the request. Quote the request id when you report it.",
                instance(request),
                requestId(request),
                null,
                null);
    }

    private Response unauthorizedResponse(HttpServerRequest request) {
        return entity(
                        Response.status(401).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer"),
                        HttpProblems.unauthorized(instance(request), requestId(request)))
                .build();
    }

    private Problem malformedBody(JsonProcessingException e, HttpServerRequest request) {
        String detail;
        List<Problem.Violation> violations = new ArrayList<>();
        if (e instanceof JsonParseException || !(e instanceof JsonMappingException mapping)) {
            JsonLocation location = e.getLocation();
            detail = location == null
                    ? "The request body is not valid JSON."
                    : "The request body is not valid JSON (line " + location.getLineNr() + ", column "
                            + location.getColumnNr() + ").";
        } else {
            String field = jsonPath(mapping.getPath());
            detail = field.isEmpty()
                    ? "The request body does not have the expected JSON structure."
                    : "Field '" + field + "' has the wrong type or format.";
            if (!field.isEmpty()) {
                violations.add(new Problem.Violation(field, "has the wrong type or format"));
            }
        }
        return new Problem(
                PlatformError.MALFORMED_REQUEST_BODY, detail, instance(request), requestId(request), violations, null);
    }

    static String jsonPath(List<JsonMappingException.Reference> path) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    /**
     * {@code create.request.title} becomes {@code title}; {@code list.size} becomes {@code size}: the method
     * node never helps a client, and a body parameter's own name is not something they sent. Indexes follow
     * the element they belong to: {@code rules[1].minimumHours}, {@code typicalJobTitles[0]}.
     */
    static String fieldOf(Path path, Method method) {
        List<Path.Node> nodes = new ArrayList<>();
        path.forEach(nodes::add);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < nodes.size(); i++) {
            Path.Node node = nodes.get(i);
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (kind == ElementKind.PARAMETER) {
                String wireName = i == nodes.size() - 1 && method != null
                        ? wireName(method, node.as(Path.ParameterNode.class).getParameterIndex())
                        : null;
                if (wireName != null) {
                    sb.append(wireName);
                } else if (i == nodes.size() - 1) {
                    sb.append(node.getName());
                }
                continue;
            }
            if (node.isInIterable()) {
                Object at = node.getIndex() != null ? node.getIndex() : node.getKey();
                sb.append('[').append(at == null ? "" : at).append(']');
            }
            if (kind == ElementKind.CONTAINER_ELEMENT || kind == ElementKind.BEAN || node.getName() == null) {
                continue;
            }
            if (!sb.isEmpty()) {
                sb.append('.');
            }
            sb.append(node.getName());
        }
        return sb.isEmpty() ? "request" : sb.toString();
    }

    /** The name a client used for a parameter: its {@code @QueryParam}, {@code @PathParam} or header name. */
    private static String wireName(Method method, int index) {
        if (index < 0 || index >= method.getParameterCount()) {
            return null;
        }
        Parameter parameter = method.getParameters()[index];
        QueryParam query = parameter.getAnnotation(QueryParam.class);
        if (query != null) {
            return query.value();
        }
        PathParam path = parameter.getAnnotation(PathParam.class);
        if (path != null) {
            return path.value();
        }
        HeaderParam header = parameter.getAnnotation(HeaderParam.class);
        return header == null ? null : header.value();
    }

    static Response respond(Problem problem) {
        return entity(Response.status(problem.getStatus()), problem).build();
    }

    /** The problem as the body: RFC 9457, or DfE's form on the DfE API's paths ({@link DfeErrorForm}). */
    static Response.ResponseBuilder entity(Response.ResponseBuilder builder, Problem problem) {
        return DfeErrorForm.applies(problem)
                ? builder.status(DfeErrorForm.status(problem))
                        .type(DfeErrorForm.MEDIA_TYPE)
                        .entity(DfeErrorForm.body(problem))
                : builder.type(Problem.MEDIA_TYPE).entity(problem);
    }

    static String instance(HttpServerRequest request) {
        return request == null ? null : request.path();
    }

    static String requestId(HttpServerRequest request) {
        return request == null ? null : request.getHeader(RequestIds.HEADER);
    }
}
