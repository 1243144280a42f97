package uk.apprenticeships.st1398.assessment.api;

import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An Open Badges 3.0 credential and its VC-JWT, which is what makes it verifiable. */
@Schema(name = "CertificateCredential")
public record CredentialResponse(
        @Schema(description = "The OpenBadgeCredential (JSON-LD, Open Badges 3.0); unsigned on its own")
        Map<String, Object> credential,

        Proof proof) {

    @Schema(
            name = "CertificateCredentialProof",
            description = "An enveloping proof: the compact JWS whose payload is the credential")
    public record Proof(
            @Schema(example = "JwtProof2020") String type,

            @Schema(
                    description = "Compact VC-JWT: header alg RS256, kid, typ JWT; payload the credential plus "
                            + "iss, jti and nbf")
            String jwt,

            @Schema(
                    description =
                            "Where the verification key is published: the JWKS URL with the key id as " + "fragment")
            String verificationMethod) {}
}
