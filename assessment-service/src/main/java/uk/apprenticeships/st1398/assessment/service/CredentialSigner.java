package uk.apprenticeships.st1398.assessment.service;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;
import uk.apprenticeships.st1398.assessment.config.AssessmentConfig;

/**
 * The key credentials are signed with (RS256). In production it is read from a PKCS#8 PEM file
 * ({@code assessment.credentials.signing-key-file}, mounted from a secret); without one, a key pair is
 * generated at start: fine for development and tests, useless in production because every restart (and every
 * replica) signs with a different key. Only the public half is ever published.
 */
@ApplicationScoped
public class CredentialSigner {

    private final RsaJsonWebKey key;

    public CredentialSigner(AssessmentConfig config) {
        AssessmentConfig.Credentials credentials = config.credentials();
        this.key = credentials.signingKeyFile().map(CredentialSigner::load).orElseGet(CredentialSigner::generate);
        key.setKeyId(credentials
                .signingKeyId()
                .orElse((credentials.signingKeyFile().isPresent() ? "" : "dev-")
                        + key.calculateBase64urlEncodedThumbprint("SHA-256").substring(0, 16)));
        key.setUse("sig");
        key.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
        if (credentials.signingKeyFile().isEmpty()) {
            Log.warnf(
                    "Credentials are signed with a key generated at start (kid %s): DEVELOPMENT ONLY. Set "
                            + "assessment.credentials.signing-key-file (CREDENTIAL_SIGNING_KEY_FILE) in production.",
                    key.getKeyId());
        } else {
            Log.infof(
                    "Credentials are signed with key %s from %s",
                    key.getKeyId(), credentials.signingKeyFile().get());
        }
    }

    void onStart(@Observes StartupEvent event) {
        Log.debugf("Credential signing key %s ready", keyId());
    }

    public String keyId() {
        return key.getKeyId();
    }

    /** A compact JWS (header {@code alg} RS256, {@code kid}, {@code typ} JWT) over this JSON payload. */
    public String sign(String payloadJson) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(payloadJson);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setHeader("typ", "JWT");
        jws.setKey(key.getPrivateKey());
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("Could not sign a credential", e);
        }
    }

    /** The public key set (RFC 7517) verifiers use; never contains private parameters. */
    public String jwks() {
        return new JsonWebKeySet(key).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    private static RsaJsonWebKey generate() {
        try {
            return RsaJwkGenerator.generateJwk(2048);
        } catch (JoseException e) {
            throw new IllegalStateException("Could not generate a development signing key", e);
        }
    }

    private static RsaJsonWebKey load(Path file) {
        try {
            String pem = Files.readString(file);
            String base64 =
                    pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) rsa.generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            PublicKey publicKey =
                    rsa.generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            RsaJsonWebKey jwk = (RsaJsonWebKey) PublicJsonWebKey.Factory.newPublicJwk(publicKey);
            jwk.setPrivateKey(privateKey);
            return jwk;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the credential signing key " + file, e);
        } catch (GeneralSecurityException | JoseException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalStateException(
                    "The credential signing key " + file
                            + " is not an RSA private key in PKCS#8 PEM (BEGIN PRIVATE KEY)",
                    e);
        }
    }
}
