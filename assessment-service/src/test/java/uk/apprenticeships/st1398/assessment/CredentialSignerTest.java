package uk.apprenticeships.st1398.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Optional;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.apprenticeships.st1398.assessment.config.AssessmentConfig;
import uk.apprenticeships.st1398.assessment.service.CredentialSigner;

/** The production path: a key read from a PKCS#8 PEM file, without a running application. */
class CredentialSignerTest {

    /** Only {@code credentials()} is read by the signer; a proxy keeps this test independent of other settings. */
    private static AssessmentConfig config(Optional<Path> keyFile, Optional<String> keyId) {
        AssessmentConfig.Credentials credentials = new AssessmentConfig.Credentials() {
            @Override
            public URI publicBaseUrl() {
                return URI.create("https://platform.example");
            }

            @Override
            public URI catalogueBaseUrl() {
                return URI.create("https://platform.example/api/v1/standards");
            }

            @Override
            public Optional<Path> signingKeyFile() {
                return keyFile;
            }

            @Override
            public Optional<String> signingKeyId() {
                return keyId;
            }
        };
        return (AssessmentConfig) Proxy.newProxyInstance(
                AssessmentConfig.class.getClassLoader(),
                new Class<?>[] {AssessmentConfig.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("credentials")) {
                        return credentials;
                    }
                    throw new UnsupportedOperationException("not used by CredentialSigner: " + method.getName());
                });
    }

    @Test
    void signsWithTheConfiguredKeyAndPublishesOnlyItsPublicHalf(@TempDir Path dir) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Path pem = dir.resolve("signing.pem");
        Files.writeString(
                pem,
                "-----BEGIN PRIVATE KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes())
                                .encodeToString(pair.getPrivate().getEncoded())
                        + "\n-----END PRIVATE KEY-----\n");

        CredentialSigner signer = new CredentialSigner(config(Optional.of(pem), Optional.of("prod-2026")));
        assertEquals("prod-2026", signer.keyId());
        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(signer.sign("{\"a\":1}"));
        jws.setKey(pair.getPublic());
        assertTrue(jws.verifySignature());
        assertEquals("prod-2026", jws.getKeyIdHeaderValue());

        String jwks = signer.jwks();
        assertFalse(jwks.contains("\"d\""), "no private exponent in " + jwks);
        assertEquals(
                pair.getPublic(),
                new JsonWebKeySet(jwks).getJsonWebKeys().get(0).getKey());
    }

    @Test
    void generatedDevelopmentKeysAreMarkedAndABadFileIsRefused(@TempDir Path dir) throws Exception {
        assertTrue(new CredentialSigner(config(Optional.empty(), Optional.empty()))
                .keyId()
                .startsWith("dev-"));
        Path junk = dir.resolve("junk.pem");
        Files.writeString(junk, "-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----\n");
        assertThrows(
                IllegalStateException.class, () -> new CredentialSigner(config(Optional.of(junk), Optional.empty())));
        assertThrows(
                RuntimeException.class,
                () -> new CredentialSigner(config(Optional.of(dir.resolve("missing.pem")), Optional.empty())));
    }
}
