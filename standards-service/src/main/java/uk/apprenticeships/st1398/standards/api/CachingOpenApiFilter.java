package uk.apprenticeships.st1398.standards.api;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/** Documents what {@link HttpCaching} does on every read, in the same single place. */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class CachingOpenApiFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            Operation get = item.getGET();
            if (get != null && get.getResponses() != null && get.getResponses().hasAPIResponse("200")) {
                document(get);
            }
        }
    }

    private static void document(Operation get) {
        get.addParameter(OASFactory.createParameter()
                .name("If-None-Match")
                .in(Parameter.In.HEADER)
                .description("Entity tags from earlier responses (or *); if one matches, the answer is 304 "
                        + "without a body")
                .schema(OASFactory.createSchema().addType(SchemaType.STRING)));
        APIResponse ok = get.getResponses().getAPIResponse("200");
        ok.setHeaders(Map.of(
                "ETag", header("Strong entity tag of the body; send it back in If-None-Match"),
                "Cache-Control", header("public, max-age=<seconds>: public reference data")));
        get.getResponses()
                .addAPIResponse(
                        "304",
                        OASFactory.createAPIResponse()
                                .description("Not modified: the If-None-Match tag is current; no body")
                                .headers(Map.of("ETag", header("The current entity tag"))));
    }

    private static Header header(String description) {
        return OASFactory.createHeader()
                .description(description)
                .schema(OASFactory.createSchema().addType(SchemaType.STRING));
    }
}
