package uk.apprenticeships.st1398.assessment.mapping;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.apprenticeships.st1398.assessment.domain.Certificate;

/**
 * A certificate as an Open Badges 3.0 {@code OpenBadgeCredential}. The learner is identified only by a
 * salted SHA-256 hash of the ULN (an {@code IdentityObject}); names and the raw ULN never appear, so the
 * credential can be shared without leaking personal data. Anyone who knows the ULN can check the hash.
 */
public final class OpenBadgeMapper {

    public static final String VC_CONTEXT = "https://www.w3.org/ns/credentials/v2";
    public static final String OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

    private OpenBadgeMapper() {}

    /** Where credentials, issuers and catalogue entries live, as the outside world sees them. */
    public record Urls(String publicBase, String catalogueBase) {

        public Urls {
            publicBase = trim(publicBase);
            catalogueBase = trim(catalogueBase);
        }

        private static String trim(String url) {
            return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        }

        public String credential(String reference) {
            return publicBase + "/api/v1/certificates/" + reference + "/credential";
        }

        public String issuer(String epaoId) {
            return publicBase + "/api/v1/assessment-organisations/" + epaoId;
        }

        public String jwks() {
            return publicBase + "/api/v1/certificates/.well-known/jwks.json";
        }

        public String standard(String reference) {
            return catalogueBase + "/" + reference;
        }

        public String version(String reference, String version) {
            return standard(reference) + "/versions/" + version;
        }

        public String ksb(String reference, String version, String code) {
            return version(reference, version) + "/ksbs/" + code;
        }
    }

    public static Map<String, Object> credential(Certificate c, List<String> ksbCodes, Urls urls) {
        Map<String, Object> vc = new LinkedHashMap<>();
        vc.put("@context", List.of(VC_CONTEXT, OB_CONTEXT));
        vc.put("id", urls.credential(c.reference));
        vc.put("type", List.of("VerifiableCredential", "OpenBadgeCredential"));
        vc.put("name", "Apprenticeship certificate: " + c.standardReference + " version " + c.version);
        vc.put("issuer", issuer(c, urls));
        vc.put(
                "validFrom",
                c.approvedAt.toInstant().truncatedTo(ChronoUnit.SECONDS).toString());
        vc.put("credentialSubject", subject(c, ksbCodes, urls));
        return vc;
    }

    /** The VC-JWT payload: the credential itself plus the registered claims Open Badges 3.0 maps onto it. */
    public static Map<String, Object> jwtPayload(Map<String, Object> credential, Certificate c) {
        Map<String, Object> payload = new LinkedHashMap<>(credential);
        @SuppressWarnings("unchecked")
        Map<String, Object> issuer = (Map<String, Object>) credential.get("issuer");
        payload.put("iss", issuer.get("id"));
        payload.put("jti", credential.get("id"));
        payload.put("nbf", c.approvedAt.toEpochSecond());
        return payload;
    }

    /** {@code sha256$<hex>} of the ULN followed by the salt, as Open Badges' IdentityHash defines it. */
    public static String identityHash(String uln, String salt) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((uln + salt).getBytes(StandardCharsets.UTF_8));
            return "sha256$" + java.util.HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private static Map<String, Object> issuer(Certificate c, Urls urls) {
        Map<String, Object> issuer = new LinkedHashMap<>();
        issuer.put("id", urls.issuer(c.organisation.epaoId));
        issuer.put("type", List.of("Profile"));
        issuer.put("name", c.organisation.name);
        if (c.organisation.contactEmail != null) {
            issuer.put("email", c.organisation.contactEmail);
        }
        issuer.put(
                "otherIdentifier",
                List.of(Map.of(
                        "type",
                        "IdentifierEntry",
                        "identifier",
                        c.organisation.epaoId,
                        "identifierType",
                        "ext:EPAOrgID")));
        return issuer;
    }

    private static Map<String, Object> subject(Certificate c, List<String> ksbCodes, Urls urls) {
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("type", "IdentityObject");
        identity.put("identityHash", identityHash(c.uln, c.identitySalt));
        identity.put("identityType", "ext:ULN");
        identity.put("hashed", true);
        identity.put("salt", c.identitySalt);

        String resultDescriptionId = urls.version(c.standardReference, c.version) + "/results/overall-grade";
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("type", List.of("AchievementSubject"));
        subject.put("identifier", List.of(identity));
        subject.put("activityEndDate", c.achievementDate + "T00:00:00Z");
        subject.put("achievement", achievement(c, ksbCodes, urls, resultDescriptionId));
        subject.put(
                "result",
                List.of(Map.of(
                        "type", List.of("Result"), "resultDescription", resultDescriptionId, "value", c.overallGrade)));
        return subject;
    }

    private static Map<String, Object> achievement(
            Certificate c, List<String> ksbCodes, Urls urls, String resultDescriptionId) {
        List<Map<String, Object>> alignment = new ArrayList<>();
        alignment.add(alignment(
                "Apprenticeship standard " + c.standardReference,
                c.standardReference,
                urls.standard(c.standardReference),
                "Apprenticeship standards",
                "ext:ApprenticeshipStandard"));
        for (String code : ksbCodes) {
            alignment.add(alignment(
                    ksbName(code),
                    code,
                    urls.ksb(c.standardReference, c.version, code),
                    c.standardReference + " version " + c.version + " KSBs",
                    "ext:KSB"));
        }
        List<String> allowed = new ArrayList<>(List.of("Pass", "Merit", "Distinction"));
        if (!allowed.contains(c.overallGrade)) {
            allowed.add(c.overallGrade);
        }
        Map<String, Object> resultDescription = new LinkedHashMap<>();
        resultDescription.put("id", resultDescriptionId);
        resultDescription.put("type", List.of("ResultDescription"));
        resultDescription.put("name", "Overall grade");
        resultDescription.put("resultType", "LetterGrade");
        resultDescription.put("allowedValue", allowed);

        Map<String, Object> achievement = new LinkedHashMap<>();
        achievement.put("id", urls.version(c.standardReference, c.version));
        achievement.put("type", List.of("Achievement"));
        achievement.put("achievementType", "ApprenticeshipCertificate");
        achievement.put("name", "Apprenticeship standard " + c.standardReference + " version " + c.version);
        achievement.put(
                "description",
                "Completion of the apprenticeship standard " + c.standardReference
                        + " (LARS code " + c.standardCode + "), version " + c.version
                        + (c.courseOption == null ? "" : ", option " + c.courseOption) + ", assessed by "
                        + c.organisation.name + ".");
        achievement.put(
                "criteria",
                Map.of(
                        "narrative",
                        "Passed the apprenticeship assessment (formerly end-point "
                                + "assessment) of this standard version, covering the knowledge, skills and behaviours aligned "
                                + "below. The overall grade is given in the result."));
        achievement.put("humanCode", c.standardReference);
        achievement.put("version", c.version);
        achievement.put("alignment", alignment);
        achievement.put("resultDescription", List.of(resultDescription));
        achievement.put("tag", List.of("apprenticeship", c.standardReference));
        return achievement;
    }

    private static Map<String, Object> alignment(String name, String code, String url, String framework, String type) {
        Map<String, Object> alignment = new LinkedHashMap<>();
        alignment.put("type", List.of("Alignment"));
        alignment.put("targetName", name);
        alignment.put("targetCode", code);
        alignment.put("targetUrl", url);
        alignment.put("targetFramework", framework);
        alignment.put("targetType", type);
        return alignment;
    }

    private static String ksbName(String code) {
        return switch (code.charAt(0)) {
            case 'K' -> "Knowledge " + code;
            case 'S' -> "Skill " + code;
            default -> "Behaviour " + code;
        };
    }
}
