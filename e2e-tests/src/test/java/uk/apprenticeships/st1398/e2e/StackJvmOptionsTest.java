package uk.apprenticeships.st1398.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code ./stack jvm-opts <part>}: the JVM options a part runs with, which bench/gateway-vs-nginx.sh uses to run its
 * gateway as the stack and the pods do. No stack is started.
 */
class StackJvmOptionsTest {

    private static final Path REPO =
            Path.of(System.getProperty("e2e.repo", "..")).toAbsolutePath().normalize();

    @Test
    void theGatewaysOptionsAreTheStacksMemorySettingsThenStackJavaOpts() throws Exception {
        Result result = run(Map.of("STACK_JAVA_OPTS", "-Dextra=1 -Xmx80m"), "gateway");
        assertEquals(0, result.status(), result.output());
        List<String> options = result.output().lines().toList();
        assertTrue(options.contains("-Xmx96m"), result.output());
        assertTrue(options.contains("-XX:+UseSerialGC"), result.output());
        // STACK_JAVA_OPTS come last, so they win over the per-part settings.
        assertEquals(List.of("-Dextra=1", "-Xmx80m"), options.subList(options.size() - 2, options.size()));
    }

    @Test
    void anUnknownPartIsRefused() throws Exception {
        Result result = run(Map.of(), "nginx");
        assertNotEquals(0, result.status());
        assertTrue(result.output().contains("unknown part 'nginx'"), result.output());
    }

    private record Result(int status, String output) {}

    private static Result run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command =
                new java.util.ArrayList<>(List.of(REPO.resolve("stack").toString(), "jvm-opts"));
        command.addAll(List.of(args));
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(REPO.toFile()).redirectErrorStream(true);
        builder.environment().remove("STACK_JAVA_OPTS");
        builder.environment().remove("STACK_JVM_DEFAULTS");
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), output);
    }
}
