package uk.apprenticeships.st1398.assessment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.apprenticeships.st1398.assessment.CertificateResourceTest.PATH;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.assessment.mapping.OpenBadgeMapper;
import uk.apprenticeships.st1398.testing.Problems;
import uk.apprenticeships.st1398.testing.TestIds;
import uk.apprenticeships.st1398.testing.Tokens;

/** Approved certificates as Open Badges 3.0 credentials: schema-valid, privacy-preserving and verifiable. */
@QuarkusTest
class CertificateCredentialTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The provider of this test's certificates, the organisation that certifies them and another one. */
    private final String ukprn = TestIds.ukprn();

    private String epaoId;
    private String otherEpaoId;

    @BeforeEach
    void organisations() {
        epaoId = CertificateResourceTest.certifier();
        otherEpaoId = CertificateResourceTest.certifier();
    }

    private static JsonSchema schema() throws Exception {
        try (InputStream in = CertificateCredentialTest.class.getResourceAsStream(
                "/schemas/ob_v3p0_achievementcredential_schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909)
                    .getSchema(JSON.readTree(in));
        }
    }

    @Test
    void approvedCertificateIsASchemaValidOpenBadgeCredential() throws Exception {
        String uln = TestIds.uln();
        String ref = CertificateResourceTest.approved(epaoId, uln, ukprn);
        String body = given().auth()
                .oauth2(Tokens.assessor(epaoId))
                .when()
                .get(PATH + "/" + ref + "/credential")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .body("credential.type", hasItems("VerifiableCredential", "OpenBadgeCredential"))
                .body(
                        "credential.issuer.id",
                        equalTo("http://localhost:8080/api/v1/assessment-organisations/" + epaoId))
                .body("credential.issuer.name", equalTo("Certifier " + epaoId))
                .body("credential.credentialSubject.type", hasItems("AchievementSubject"))
                .body("credential.credentialSubject.result[0].value", equalTo("Merit"))
                .body(
                        "credential.credentialSubject.achievement.alignment.targetCode",
                        hasItems("ST1398", "K1", "K2", "S1", "B1"))
                .body(
                        "credential.credentialSubject.achievement.alignment.targetUrl",
                        hasItems(
                                "http://localhost:8080/api/v1/standards/ST1398/versions/1.0/ksbs/K1",
                                "http://localhost:8080/api/v1/standards/ST1398"))
                .body("proof.type", equalTo("JwtProof2020"))
                .body(not(containsString(uln)))
                .body(not(containsString("Smith")))
                .extract()
                .asString();

        JsonNode credential = JSON.readTree(body).get("credential");
        Set<ValidationMessage> errors = schema().validate(credential);
        assertTrue(errors.isEmpty(), "schema errors: " + errors);
        // The schema itself must be able to fail: a credential without its subject is refused.
        JsonNode broken = credential.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken).remove("credentialSubject");
        assertFalse(schema().validate(broken).isEmpty());

        JsonNode identity = credential.at("/credentialSubject/identifier/0");
        assertEquals("ext:ULN", identity.get("identityType").asText());
        assertTrue(identity.get("hashed").asBoolean());
        assertEquals(
                OpenBadgeMapper.identityHash(uln, identity.get("salt").asText()),
                identity.get("identityHash").asText());
    }

    @Test
    void jwtVerifiesAgainstThePublishedKeySet() throws Exception {
        String ref = CertificateResourceTest.approved(epaoId, TestIds.uln(), ukprn);
        JsonPath answer = given().auth()
                .oauth2(Tokens.token("reg1", "regulator"))
                .when()
                .get(PATH + "/" + ref + "/credential")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        String jwt = answer.getString("proof.jwt");

        // Public: no token needed, and only public key material.
        String jwks = given().when()
                .get(PATH + "/.well-known/jwks.json")
                .then()
                .statusCode(200)
                .body("keys[0].kty", equalTo("RSA"))
                .body("keys[0].alg", equalTo("RS256"))
                .body("keys[0].use", equalTo("sig"))
                .body("keys[0]", not(org.hamcrest.Matchers.hasKey("d")))
                .extract()
                .asString();
        JsonWebKeySet keys = new JsonWebKeySet(jwks);
        JsonWebSignature header = new JsonWebSignature();
        header.setCompactSerialization(jwt);
        assertEquals(AlgorithmIdentifiers.RSA_USING_SHA256, header.getAlgorithmHeaderValue());
        assertEquals(keys.getJsonWebKeys().get(0).getKeyId(), header.getKeyIdHeaderValue());
        assertTrue(answer.getString("proof.verificationMethod").endsWith("#" + header.getKeyIdHeaderValue()));

        JwtConsumer consumer = new JwtConsumerBuilder()
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(keys.getJsonWebKeys()))
                .setExpectedIssuer("http://localhost:8080/api/v1/assessment-organisations/" + epaoId)
                .setRequireJwtId()
                .setRequireNotBefore()
                .setSkipDefaultAudienceValidation()
                .setJwsAlgorithmConstraints(
                        org.jose4j.jwa.AlgorithmConstraints.ConstraintType.PERMIT,
                        AlgorithmIdentifiers.RSA_USING_SHA256)
                .build();
        JwtClaims claims = consumer.processToClaims(jwt);
        assertEquals(answer.getString("credential.id"), claims.getJwtId());
        assertEquals(answer.getMap("credential.credentialSubject"), claims.getClaimValue("credentialSubject"));
        assertEquals(answer.getList("credential.type"), claims.getClaimValue("type"));

        // Content negotiation: only the compact JWT, signed over the same credential.
        String compact = given().auth()
                .oauth2(Tokens.admin())
                .accept("application/vc+jwt")
                .when()
                .get(PATH + "/" + ref + "/credential")
                .then()
                .statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("application/vc+jwt"))
                .extract()
                .asString();
        assertEquals(
                answer.getString("credential.id"),
                consumer.processToClaims(compact).getJwtId());
        given().auth()
                .oauth2(Tokens.admin())
                .accept("application/vc+jwt")
                .when()
                .get(PATH + "/" + CertificateResourceTest.createDraft(epaoId, TestIds.uln(), ukprn) + "/credential")
                .then()
                .spec(Problems.problem(409, "conflict"));
        given().auth()
                .oauth2(Tokens.admin())
                .accept("application/xml")
                .when()
                .get(PATH + "/" + ref + "/credential")
                .then()
                .spec(Problems.problem(406, "not-acceptable"));

        // A tampered payload does not verify.
        String[] parts = jwt.split("\\.");
        String forged = parts[0] + "."
                + java.util.Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(
                                new String(java.util.Base64.getUrlDecoder().decode(parts[1]))
                                        .replace("Merit", "Distinction")
                                        .getBytes())
                + "." + parts[2];
        org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> consumer.processToClaims(forged));
    }

    @Test
    void onlyAwardedCertificatesHaveCredentialsAndOnlyForThoseWhoMayReadThem() {
        String draft = CertificateResourceTest.createDraft(epaoId, TestIds.uln(), ukprn);
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get(PATH + "/" + draft + "/credential")
                .then()
                .spec(Problems.problem(409, "conflict"));
        String ref = CertificateResourceTest.approved(epaoId, TestIds.uln(), ukprn);
        given().auth()
                .oauth2(Tokens.assessor(otherEpaoId))
                .when()
                .get(PATH + "/" + ref + "/credential")
                .then()
                .spec(Problems.problem(404, "not-found"));
        given().auth()
                .oauth2(Tokens.tutor(TestIds.ukprn()))
                .when()
                .get(PATH + "/" + ref + "/credential")
                .then()
                .spec(Problems.problem(404, "not-found"));
        given().auth()
                .oauth2(Tokens.tutor(ukprn))
                .when()
                .get(PATH + "/" + ref + "/credential")
                .then()
                .statusCode(200);
        given().when().get(PATH + "/" + ref + "/credential").then().spec(Problems.problem(401, "unauthorized"));
        given().auth()
                .oauth2(Tokens.employer(TestIds.employerId()))
                .when()
                .get(PATH + "/" + ref + "/credential")
                .then()
                .spec(Problems.problem(403, "forbidden"));
        AssessmentApi.as(Tokens.admin())
                .body(Map.of("status", "Cancelled"))
                .when()
                .post(PATH + "/" + ref + "/status")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get(PATH + "/" + ref + "/credential")
                .then()
                .spec(Problems.problem(409, "conflict"));
        List.of();
    }
}
