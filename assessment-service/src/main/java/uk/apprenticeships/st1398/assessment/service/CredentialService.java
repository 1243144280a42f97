package uk.apprenticeships.st1398.assessment.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Map;
import uk.apprenticeships.st1398.assessment.api.CredentialResponse;
import uk.apprenticeships.st1398.assessment.config.AssessmentConfig;
import uk.apprenticeships.st1398.assessment.config.AssessmentError;
import uk.apprenticeships.st1398.assessment.domain.Certificate;
import uk.apprenticeships.st1398.assessment.mapping.CertificateMapper;
import uk.apprenticeships.st1398.assessment.mapping.OpenBadgeMapper;
import uk.apprenticeships.st1398.platform.problem.ApiException;

/**
 * Certificates as Open Badges 3.0 credentials, built on request from the stored certificate (so nothing needs
 * re-issuing when a certificate moves from Approved to Printed or Delivered) and signed as a VC-JWT.
 */
@ApplicationScoped
public class CredentialService {

    private final CertificateService certificates;
    private final CredentialSigner signer;
    private final ObjectMapper json;
    private final OpenBadgeMapper.Urls urls;

    public CredentialService(
            CertificateService certificates, CredentialSigner signer, ObjectMapper json, AssessmentConfig config) {
        this.certificates = certificates;
        this.signer = signer;
        this.json = json;
        this.urls = new OpenBadgeMapper.Urls(
                config.credentials().publicBaseUrl().toString(),
                config.credentials().catalogueBaseUrl().toString());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CredentialResponse credential(String reference) {
        Certificate c = certificates.readable(reference);
        if (!c.status.awarded()) {
            throw ApiException.of(
                    AssessmentError.CREDENTIAL_NOT_AVAILABLE,
                    "Certificate " + reference + " is " + c.status + "; a credential exists "
                            + "only for Approved, Printed or Delivered certificates.");
        }
        Map<String, Object> credential = OpenBadgeMapper.credential(c, CertificateMapper.ksbCodes(c), urls);
        try {
            String jwt = signer.sign(json.writeValueAsString(OpenBadgeMapper.jwtPayload(credential, c)));
            return new CredentialResponse(
                    credential, new CredentialResponse.Proof("JwtProof2020", jwt, urls.jwks() + "#" + signer.keyId()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not serialise credential " + reference, e);
        }
    }

    public String jwks() {
        return signer.jwks();
    }
}
