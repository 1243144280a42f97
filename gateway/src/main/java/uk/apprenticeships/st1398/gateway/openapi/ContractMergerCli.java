package uk.apprenticeships.st1398.gateway.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Builds the merged contract at build time, from the documents the services write when they are built
 * ({@code quarkus.smallrye-openapi.store-schema-directory}) and the gateway's routes in its application.properties:
 *
 * <pre>
 * ContractMergerCli GATEWAY_PROPERTIES OUTPUT standards=standards-service/target/openapi/openapi.json evidence=...
 * </pre>
 *
 * The end-to-end suite generates its Java client from the output, and .ci/run lints it and generates a TypeScript
 * client from it. The gateway serves the same merge of the running services' documents at {@code /openapi}.
 */
public final class ContractMergerCli {

    private ContractMergerCli() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            throw new IllegalArgumentException(
                    "usage: ContractMergerCli GATEWAY_PROPERTIES OUTPUT AREA=OPENAPI_JSON...");
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of(args[0]))) {
            properties.load(reader);
        }
        ObjectMapper mapper = new ObjectMapper();
        List<ContractMerger.Source> sources = new ArrayList<>();
        for (String arg : Arrays.copyOfRange(args, 2, args.length)) {
            String[] pair = arg.split("=", 2);
            sources.add(new ContractMerger.Source(
                    pair[0], mapper.readTree(Path.of(pair[1]).toFile())));
        }
        ContractMerger.Result result =
                ContractMerger.merge(sources, routes(properties), settings(properties::getProperty));
        result.warnings().forEach(w -> System.err.println("[contract] " + w));
        Path output = Path.of(args[1]);
        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.writeString(output, ContractMerger.toJson(mapper, result.document()));
        System.out.println("[contract] wrote " + output + " ("
                + result.document().path("paths").size() + " paths)");
    }

    static RouteTable routes(Properties p) {
        Map<String, RouteTable.Area> areas = new LinkedHashMap<>();
        for (String key : p.stringPropertyNames().stream().sorted().toList()) {
            if (key.startsWith("gateway.routes.") && key.endsWith(".paths")) {
                String area = key.substring("gateway.routes.".length(), key.length() - ".paths".length());
                String prefix = "gateway.routes." + area + ".";
                areas.put(
                        area,
                        new RouteTable.Area(
                                list(p.getProperty(key)),
                                Boolean.parseBoolean(p.getProperty(prefix + "public-reads", "false")),
                                list(p.getProperty(prefix + "public-read-paths", ""))));
            }
        }
        return new RouteTable(areas);
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    /** The merged document's own settings, from {@code gateway.openapi.*} (defaults as in {@code OpenApiConfig}). */
    static ContractMerger.Settings settings(java.util.function.Function<String, String> property) {
        java.util.function.BiFunction<String, String, String> get = (key, fallback) -> {
            String v = property.apply(key);
            return v == null || v.isBlank() || v.contains("${") ? fallback : v.strip();
        };
        return new ContractMerger.Settings(
                get.apply("gateway.openapi.title", OpenApiDefaults.TITLE),
                get.apply("gateway.openapi.version", OpenApiDefaults.VERSION),
                get.apply("gateway.openapi.description", OpenApiDefaults.DESCRIPTION),
                get.apply("gateway.openapi.server-url", OpenApiDefaults.SERVER_URL),
                get.apply("gateway.openapi.issuer", get.apply("quarkus.oidc.auth-server-url", OpenApiDefaults.ISSUER)),
                get.apply("gateway.openapi.contact-name", OpenApiDefaults.CONTACT_NAME),
                get.apply("gateway.openapi.contact-url", OpenApiDefaults.CONTACT_URL),
                get.apply("gateway.openapi.contact-email", OpenApiDefaults.CONTACT_EMAIL));
    }
}
