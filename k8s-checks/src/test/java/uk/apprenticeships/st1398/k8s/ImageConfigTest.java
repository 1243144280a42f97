package uk.apprenticeships.st1398.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The images Jib builds (quarkus-container-image-jib, configured in each module's application.properties) are the
 * images k8s/ deploys: same registry/group/name, the base overlay's tag is the project version (Quarkus' default
 * tag), the runtime base image is pinned by digest, and prod pins every image to a release tag or digest. Only the
 * configuration is checked: no registry is reachable here, nothing is built or pushed.
 */
class ImageConfigTest {

    private static final Pattern DIGEST = Pattern.compile(".+@sha256:[0-9a-f]{64}");

    @ParameterizedTest
    @ValueSource(strings = {"gateway", "standards-service", "evidence-service", "assessment-service"})
    void theJibImageIsTheImageK8sDeploys(String module) {
        String pom = Repository.read(module + "/pom.xml");
        assertTrue(pom.contains("<artifactId>quarkus-container-image-jib</artifactId>"), module + " has no Jib");
        Properties props = properties(module);
        String repository = props.getProperty("quarkus.container-image.registry") + "/"
                + props.getProperty("quarkus.container-image.group") + "/"
                + props.getProperty("quarkus.container-image.name");
        String version = projectVersion();
        String tag = props.getProperty("quarkus.container-image.tag", version);
        assertEquals(version, tag, module + ": the image tag is the project version");
        assertTrue(
                DIGEST.matcher(props.getProperty("quarkus.jib.base-jvm-image", ""))
                        .matches(),
                module + ": quarkus.jib.base-jvm-image is not pinned by digest");

        for (String overlay : Repository.overlays()) {
            String image = image(Repository.render(overlay), module);
            assertTrue(
                    image.startsWith(repository + ":") || image.startsWith(repository + "@"), overlay + ": " + image);
            if (overlay.equals("prod")) {
                assertTrue(
                        image.matches(Pattern.quote(repository) + ":\\d+\\.\\d+\\.\\d+(@sha256:[0-9a-f]{64})?")
                                || DIGEST.matcher(image).matches(),
                        "prod must pin a release tag or digest: " + image);
            } else {
                assertEquals(repository + ":" + version, image, overlay + " deploys the project version");
            }
        }
    }

    private static String image(List<JsonNode> docs, String deployment) {
        return Repository.one(docs, "Deployment", deployment)
                .at("/spec/template/spec/containers/0/image")
                .asText();
    }

    private static Properties properties(String module) {
        Properties props = new Properties();
        try {
            props.load(new StringReader(Repository.read(module + "/src/main/resources/application.properties")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return props;
    }

    private static String projectVersion() {
        Matcher m = Pattern.compile("<artifactId>platform-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Repository.read("pom.xml"));
        assertTrue(m.find(), "no platform-parent version in pom.xml");
        return m.group(1);
    }
}
