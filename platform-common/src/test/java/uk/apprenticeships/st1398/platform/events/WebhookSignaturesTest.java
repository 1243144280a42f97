package uk.apprenticeships.st1398.platform.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Standard Webhooks signatures, checked against the specification's own test vector (standard-webhooks/standard-webhooks,
 * libraries/java/src/test/java/com/standardwebhooks/WebhookTest.java, verifyWebhookSignWorks), and the outbound URL
 * guard.
 */
class WebhookSignaturesTest {

    private static final String KEY = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330;
    private static final String PAYLOAD = "{\"test\": 2432232314}";

    @Test
    void signsAsTheSpecificationsReferenceLibrary() {
        assertEquals(
                "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", WebhookSignatures.sign(KEY, ID, TIMESTAMP, PAYLOAD));
    }

    @Test
    void verifiesWithinTheToleranceAndAmongSeveralSignatures() {
        Instant at = Instant.ofEpochSecond(TIMESTAMP);
        String signature = WebhookSignatures.sign(KEY, ID, TIMESTAMP, PAYLOAD);
        assertTrue(WebhookSignatures.verify(KEY, ID, Long.toString(TIMESTAMP), signature, PAYLOAD, at));
        assertTrue(WebhookSignatures.verify(
                KEY, ID, Long.toString(TIMESTAMP), "v1,bm9wZQ== v2,abc " + signature, PAYLOAD, at.plusSeconds(299)));
        assertFalse(
                WebhookSignatures.verify(KEY, ID, Long.toString(TIMESTAMP), signature, PAYLOAD, at.plusSeconds(301)));
        assertFalse(WebhookSignatures.verify(KEY, ID, Long.toString(TIMESTAMP), signature, PAYLOAD + " ", at));
        assertFalse(WebhookSignatures.verify(KEY, "other", Long.toString(TIMESTAMP), signature, PAYLOAD, at));
        assertFalse(WebhookSignatures.verify(
                WebhookSignatures.newSecret(), ID, Long.toString(TIMESTAMP), signature, PAYLOAD, at));
        assertFalse(WebhookSignatures.verify(KEY, ID, "soon", signature, PAYLOAD, at));
        assertFalse(WebhookSignatures.verify(KEY, ID, Long.toString(TIMESTAMP), "v1,%%%", PAYLOAD, at));
        assertFalse(WebhookSignatures.verify(KEY, null, Long.toString(TIMESTAMP), signature, PAYLOAD, at));
    }

    @Test
    void newSecretsAreWhsecPrefixedBase64Of32Bytes() {
        String secret = WebhookSignatures.newSecret();
        assertTrue(secret.startsWith("whsec_"));
        assertEquals(32, java.util.Base64.getDecoder().decode(secret.substring(6)).length);
    }

    @Test
    void theGuardRefusesInternalAddressesUnlessAllowed() throws Exception {
        OutboundUrlGuard production = new OutboundUrlGuard(false);
        for (String url : new String[] {
            "http://127.0.0.1/x", "http://localhost:8080/x", "http://10.1.2.3/x", "http://172.16.0.1/x",
            "http://192.168.1.1/x", "http://169.254.169.254/latest/meta-data", "http://[::1]/x", "http://[fd00::1]/x",
            "http://[fe80::1]/x", "http://0.0.0.0/x", "http://100.64.0.1/x", "http://[::ffff:127.0.0.1]/x"
        }) {
            assertThrows(OutboundUrlGuard.Refused.class, () -> production.check(url), url);
        }
        assertEquals(1, production.check("https://93.184.216.34/hook").size());
        assertEquals(1, new OutboundUrlGuard(true).check("http://127.0.0.1:9/x").size());
        for (String url : new String[] {
            "ftp://example.com/x",
            "file:///etc/passwd",
            "http:///x",
            "http://u:p@example.com/",
            "not a url",
            "https://example.com/#frag"
        }) {
            assertTrue(OutboundUrlGuard.shapeProblem(url) != null, url);
        }
        assertFalse(OutboundUrlGuard.isInternal(InetAddress.getByName("8.8.8.8")));
    }

    @Test
    void audiencesSeeTheirTenantsEventsOnly() {
        DomainEvent.Scope scope = new DomainEvent.Scope("10000001", "EMP-1", "EPA0001", "1234567890");
        assertTrue(new EventAudience(true, null, null, null, null).sees(scope));
        assertTrue(new EventAudience(false, "10000001", null, null, null).sees(scope));
        assertFalse(new EventAudience(false, "10000002", null, null, null).sees(scope));
        assertTrue(new EventAudience(false, null, "EMP-1", null, null).sees(scope));
        assertTrue(new EventAudience(false, null, null, "EPA0001", null).sees(scope));
        assertFalse(new EventAudience(false, null, null, "EPA0002", null).sees(scope));
        assertTrue(new EventAudience(false, null, null, null, "1234567890").sees(scope));
        assertFalse(new EventAudience(false, null, null, null, null).sees(scope));
        assertTrue(new EventAudience(false, "10000002", null, null, null).sees(DomainEvent.Scope.PUBLIC));
    }
}
