package uk.apprenticeships.st1398.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** The repository's files and the rendered overlays ({@code kubectl kustomize k8s/overlays/<name>}). */
final class Repository {

    static final YAMLMapper YAML = new YAMLMapper();
    static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Map<String, List<JsonNode>> RENDERED = new ConcurrentHashMap<>();

    private Repository() {}

    static Path root() {
        String configured = System.getProperty("repository.root");
        Path start = configured == null ? Path.of("").toAbsolutePath() : Path.of(configured);
        for (Path p = start; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("k8s/overlays"))) {
                return p;
            }
        }
        throw new IllegalStateException("no k8s/overlays above " + start);
    }

    static Path path(String relative) {
        return root().resolve(relative);
    }

    static List<String> overlays() {
        try (Stream<Path> dirs = Files.list(path("k8s/overlays"))) {
            return dirs.filter(d -> Files.exists(d.resolve("kustomization.yaml")))
                    .map(d -> d.getFileName().toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The overlay as kustomize renders it. Without kubectl the checks are skipped, unless CI=true or
     * K8S_CHECKS_REQUIRED=true, where a missing kubectl fails them (.ci/run installs it).
     */
    static List<JsonNode> render(String overlay) {
        return RENDERED.computeIfAbsent(overlay, Repository::kustomize).stream()
                .map(d -> (JsonNode) d.deepCopy())
                .toList();
    }

    private static List<JsonNode> kustomize(String overlay) {
        Process process;
        try {
            process = new ProcessBuilder(
                            "kubectl",
                            "kustomize",
                            path("k8s/overlays/" + overlay).toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
        } catch (IOException e) {
            boolean required =
                    "true".equals(System.getenv("CI")) || "true".equals(System.getenv("K8S_CHECKS_REQUIRED"));
            if (required) {
                throw new IllegalStateException("kubectl is needed to render k8s/overlays (CI installs it)", e);
            }
            Assumptions.abort("kubectl not installed: k8s/ not rendered (" + e.getMessage() + ")");
            throw new AssertionError(e);
        }
        try {
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("kubectl kustomize k8s/overlays/" + overlay + " failed");
            }
            return readAll(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static List<JsonNode> readAll(String yaml) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        try (var it = YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml)) {
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
                    docs.add(doc);
                }
            }
        }
        return docs;
    }

    static JsonNode readYaml(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode readJson(String relative) {
        try {
            return JSON.readTree(path(relative).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(String relative) {
        try {
            return Files.readString(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode one(List<JsonNode> docs, String kind, String name) {
        return docs.stream()
                .filter(d -> kind.equals(d.path("kind").asText())
                        && name.equals(d.path("metadata").path("name").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " rendered"));
    }

    static String id(JsonNode doc) {
        return doc.path("kind").asText() + " "
                + doc.path("metadata").path("name").asText();
    }
}
