package uk.apprenticeships.st1398.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.platform.problem.PlatformError;
import uk.apprenticeships.st1398.testing.ErrorCatalogue;

/**
 * The shared codes (platform-common's {@link PlatformError}, answered by the gateway and every service) and the
 * "Platform" table of docs/errors.md are the same, and each code is produced somewhere: named in platform-common's or
 * the gateway's code, or what {@link PlatformError#forStatus} gives for some status below the REST layer.
 */
class PlatformErrorCatalogueTest {

    @Test
    void everySharedCodeIsDocumentedAndProduced() throws IOException {
        Map<String, Integer> declared = new TreeMap<>();
        for (PlatformError code : PlatformError.values()) {
            declared.put(code.code(), code.status());
        }
        assertEquals(
                declared,
                ErrorCatalogue.documented("Platform (every service and the gateway)"),
                "docs/errors.md's Platform table must list exactly PlatformError's codes with their statuses");

        String sources = read(Path.of("../platform-common/src/main/java")) + read(Path.of("src/main/java"));
        List<String> unused = new ArrayList<>();
        for (PlatformError code : PlatformError.values()) {
            boolean named = Pattern.compile("\\bPlatformError\\." + code.name() + "\\b")
                    .matcher(sources)
                    .find();
            if (!named && IntStream.range(400, 600).noneMatch(status -> PlatformError.forStatus(status) == code)) {
                unused.add(code.name());
            }
        }
        assertTrue(unused.isEmpty(), "PlatformError codes nothing produces: " + unused);
    }

    private static String read(Path root) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")
                            && !p.getFileName().toString().equals("PlatformError.java"))
                    .toList()) {
                sb.append(Files.readString(f)).append('\n');
            }
        }
        return sb.toString();
    }
}
