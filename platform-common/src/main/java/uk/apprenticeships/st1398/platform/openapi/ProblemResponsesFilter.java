package uk.apprenticeships.st1398.platform.openapi;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import uk.apprenticeships.st1398.platform.problem.ProblemType;

/**
 * Documents the error side of every operation: adds the {@code Problem} schema and, per operation, the
 * problem responses it can give (validation, authentication, role, not found, content negotiation, server
 * errors), unless the operation already documents that status itself.
 */
public class ProblemResponsesFilter implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        components.addSchema("Violation", violationSchema());
        components.addSchema("Problem", problemSchema());
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path :
                openAPI.getPaths().getPathItems().entrySet()) {
            boolean hasPathParams = path.getKey().contains("{");
            for (Map.Entry<PathItem.HttpMethod, Operation> op :
                    path.getValue().getOperations().entrySet()) {
                document(op.getValue(), op.getKey(), hasPathParams, openAPI);
            }
        }
    }

    private static void document(
            Operation operation, PathItem.HttpMethod method, boolean hasPathParams, OpenAPI openAPI) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        boolean hasInput = operation.getRequestBody() != null
                || (operation.getParameters() != null
                        && !operation.getParameters().isEmpty())
                || hasPathParams;
        boolean secured = operation.getSecurity() != null
                ? !operation.getSecurity().isEmpty()
                : openAPI.getSecurity() != null && !openAPI.getSecurity().isEmpty();
        if (hasInput) {
            add(responses, "400", "Invalid input: see `violations` for each field");
        }
        if (secured) {
            add(responses, "401", "Missing, expired or invalid bearer token");
            add(responses, "403", "The token's roles do not allow this operation");
        }
        if (hasPathParams) {
            add(responses, "404", "Not found (also answered for records of another tenant)");
        }
        add(responses, "406", "The Accept header asks for a media type this operation cannot produce");
        if (operation.getRequestBody() != null) {
            add(responses, "413", "Request body too large");
            add(responses, "415", "Unsupported Content-Type");
        }
        if (method == PathItem.HttpMethod.POST
                || method == PathItem.HttpMethod.PUT
                || method == PathItem.HttpMethod.PATCH
                || method == PathItem.HttpMethod.DELETE) {
            add(responses, "409", "Conflicts with the current state");
        }
        add(responses, "500", "Unexpected error; quote the requestId when reporting it");
        for (APIResponse response : responses.getAPIResponses().values()) {
            if (response.getContent() == null && response.getRef() == null && isError(response, responses)) {
                response.setContent(problemContent());
            }
        }
    }

    private static boolean isError(APIResponse response, APIResponses responses) {
        return responses.getAPIResponses().entrySet().stream()
                .anyMatch(e -> e.getValue() == response && e.getKey().matches("[45]\\d\\d"));
    }

    private static void add(APIResponses responses, String status, String description) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(
                    status,
                    OASFactory.createAPIResponse().description(description).content(problemContent()));
        }
    }

    private static org.eclipse.microprofile.openapi.models.media.Content problemContent() {
        return OASFactory.createContent()
                .addMediaType(
                        "application/problem+json",
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref(PROBLEM_REF)));
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema()
                .addType(SchemaType.OBJECT)
                .description(
                        "RFC 9457 problem details. `type` is stable per kind of error and `code` per cause; see docs/errors.md.")
                .required(List.of("type", "title", "status", "code"))
                .addProperty(
                        "type",
                        string("Stable URI naming the kind of problem")
                                .example(ProblemType.NOT_FOUND.uri().toString())
                                .format("uri"))
                .addProperty("title", string("Short human-readable summary of the kind of problem"))
                .addProperty(
                        "status",
                        OASFactory.createSchema()
                                .addType(SchemaType.INTEGER)
                                .description("HTTP status code")
                                .example(404))
                .addProperty(
                        "code",
                        string("Machine-readable cause from the error catalogue (docs/errors.md); "
                                        + "stable, switch on it")
                                .example("ksb-code-unknown"))
                .addProperty("detail", string("What went wrong with this request"))
                .addProperty("instance", string("Path of the request"))
                .addProperty("requestId", string("The X-Request-Id of the request; quote it when reporting"))
                .addProperty(
                        "violations",
                        OASFactory.createSchema()
                                .addType(SchemaType.ARRAY)
                                .description("For 400s: every invalid field")
                                .items(OASFactory.createSchema().ref("#/components/schemas/Violation")));
    }

    private static Schema violationSchema() {
        return OASFactory.createSchema()
                .addType(SchemaType.OBJECT)
                .required(List.of("field", "message"))
                .addProperty("field", string("Field path or parameter name").example("reference"))
                .addProperty("message", string("What is wrong").example("must look like ST1234"));
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().addType(SchemaType.STRING).description(description);
    }
}
