package uk.apprenticeships.st1398.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import uk.apprenticeships.st1398.platform.problem.ErrorCode;

/**
 * Keeps a service's error catalogue and {@code docs/errors.md} equal: every code of the enum is documented under the
 * service's heading with its status, every documented code exists, and every code is used somewhere in the service's
 * main sources (an unused code is a promise the API does not keep).
 */
public final class ErrorCatalogue {

    private static final Pattern ROW = Pattern.compile("^\\|\\s*`([a-z0-9-]+)`\\s*\\|\\s*(\\d{3})\\s*\\|.*\\|\\s*$");

    private ErrorCatalogue() {}

    /**
     * @param heading the {@code ## } heading of the service's table in docs/errors.md
     * @param codes the service's catalogue
     * @param sources the service's main sources ({@code src/main/java} of the module)
     */
    public static void check(String heading, Class<? extends Enum<? extends ErrorCode>> codes, Path sources) {
        Map<String, Integer> documented = documented(heading);
        Map<String, Integer> declared = new TreeMap<>();
        for (Enum<? extends ErrorCode> constant : codes.getEnumConstants()) {
            ErrorCode code = (ErrorCode) constant;
            declared.put(code.code(), code.status());
        }
        assertEquals(
                declared,
                documented,
                "docs/errors.md section '" + heading + "' must list exactly the codes of " + codes.getSimpleName()
                        + " with their statuses");
        List<String> unused = new ArrayList<>();
        String all = readAll(sources);
        for (Enum<?> constant : codes.getEnumConstants()) {
            if (!Pattern.compile("\\b" + codes.getSimpleName() + "\\." + constant.name() + "\\b")
                            .matcher(all)
                            .find()
                    && !Pattern.compile("(?m)^\\s*import static .*" + codes.getSimpleName() + "\\.(\\*|"
                                    + constant.name() + ");")
                            .matcher(all)
                            .find()) {
                unused.add(constant.name());
            }
        }
        assertTrue(unused.isEmpty(), codes.getSimpleName() + " codes never thrown in " + sources + ": " + unused);
    }

    /** The rows {@code | `code` | status | meaning |} under the heading, up to the next heading. */
    public static Map<String, Integer> documented(String heading) {
        Map<String, Integer> rows = new TreeMap<>();
        boolean inside = false;
        for (String line : readLines(docs())) {
            if (line.startsWith("## ")) {
                inside = line.substring(3).trim().equals(heading);
                continue;
            }
            Matcher m = ROW.matcher(line);
            if (inside && m.matches()) {
                rows.put(m.group(1), Integer.parseInt(m.group(2)));
            }
        }
        assertTrue(!rows.isEmpty(), "docs/errors.md has no code table under '## " + heading + "'");
        return rows;
    }

    private static Path docs() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("docs/errors.md"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(
                    "docs/errors.md not found above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("docs/errors.md");
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readAll(Path sources) {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                try {
                    sb.append(Files.readString(f)).append('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sb.toString();
    }
}
