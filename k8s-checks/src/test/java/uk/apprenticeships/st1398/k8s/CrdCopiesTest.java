package uk.apprenticeships.st1398.k8s;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * k8s/crds holds the operators' CRDs unchanged: where the workplace's shared copy (shared/k8s-crds beside the
 * repository, see k8s/crds/README.md) is present, every file here equals its original byte for byte.
 */
class CrdCopiesTest {

    @Test
    void theCopiesAreUnchanged() throws IOException {
        Path shared = Repository.root().resolveSibling("shared").resolve("k8s-crds");
        Assumptions.assumeTrue(Files.isDirectory(shared), "no shared/k8s-crds beside the repository");
        List<Path> copies;
        try (Stream<Path> files = Files.list(Repository.path("k8s/crds"))) {
            copies = files.filter(f -> !f.getFileName().toString().equals("README.md"))
                    .toList();
        }
        assertTrue(copies.size() >= 9, "CRDs in k8s/crds: " + copies);
        for (Path copy : copies) {
            Path original = shared.resolve(copy.getFileName());
            assertTrue(Files.exists(original), copy.getFileName() + " is not in shared/k8s-crds");
            assertArrayEquals(Files.readAllBytes(original), Files.readAllBytes(copy), copy.getFileName() + " changed");
        }
    }
}
