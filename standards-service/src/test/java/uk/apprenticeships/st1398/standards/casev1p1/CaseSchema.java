package uk.apprenticeships.st1398.standards.casev1p1;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The official 1EdTech CASE 1.1 CFPackage JSON schema (draft 2019-09), copied unchanged from
 * {@code shared/schemas/case/} into {@code src/test/resources/schemas/}. Format assertions are on, so a malformed
 * uuid or date-time fails too (2019-09 treats formats as annotations unless asked).
 */
final class CaseSchema {

    private static final JsonSchema PACKAGE = load("/schemas/case-v1p1-cfpackage-official.json");

    private CaseSchema() {}

    /** The validation errors of a CFPackage document, as readable strings; empty when it is valid. */
    static List<String> errors(String packageJson) {
        return PACKAGE.validate(packageJson, InputFormat.JSON).stream()
                .map(ValidationMessage::toString)
                .sorted()
                .toList();
    }

    private static JsonSchema load(String resource) {
        try (InputStream in = CaseSchema.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the test classpath");
            }
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                    .formatAssertionsEnabled(true)
                    .build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909)
                    .getSchema(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
