package uk.apprenticeships.st1398.evidence.xapi;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.apprenticeships.st1398.platform.problem.ApiException;

/**
 * The statement rules of xAPI 2.0 ("xAPI-Data.md", adlnet/xAPI-Spec), one test per requirement, named after it with
 * its section. Values marked "suite" are those of ADL's LRS conformance test suite (adlnet/lrs-conformance-test-suite,
 * test/v2_0/configs/durations.js and timestamps.js).
 */
class StatementValidatorTest {

    static ObjectNode statement() {
        return (ObjectNode)
                json(
                        "{\"actor\":{\"objectType\":\"Agent\",\"name\":\"xAPI mbox\",\"mbox\":\"mailto:xapi@adlnet.gov\"},"
                                + "\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/attended\",\"display\":{\"en-GB\":\"attended\",\"en-US\":\"attended\"}},"
                                + "\"object\":{\"objectType\":\"Activity\",\"id\":\"http://www.example.com/meetings/occurances/34534\"}}");
    }

    static JsonNode json(String text) {
        return XapiStatements.parse(text);
    }

    static void accepted(JsonNode statement) {
        assertDoesNotThrow(() -> StatementValidator.validate(statement, false));
    }

    static String rejected(JsonNode statement) {
        ApiException e = assertThrows(ApiException.class, () -> StatementValidator.validate(statement, false));
        assertEquals(400, e.code().status());
        return e.getMessage();
    }

    @Test
    void aStatementContainsAnActorAVerbAndAnObject_data2_2() {
        accepted(statement());
        for (String property : new String[] {"actor", "verb", "object"}) {
            ObjectNode s = statement();
            s.remove(property);
            rejected(s);
        }
    }

    @Test
    void anLrsRejectsAnyPropertyWhoseValueIsNullExceptInExtensions_data2_2() {
        ObjectNode s = statement();
        s.putNull("context");
        rejected(s);
        ObjectNode inExtensions = statement();
        inExtensions.putObject("result").putObject("extensions").putNull("http://example.com/ext");
        accepted(inExtensions);
    }

    @Test
    void anLrsRejectsUnknownPropertiesAndPropertyNamesAreCaseSensitive_data2_2() {
        ObjectNode s = statement();
        s.put("Actor", "x");
        rejected(s);
        ObjectNode verb = statement();
        ((ObjectNode) verb.get("verb")).put("Display", "x");
        rejected(verb);
    }

    @Test
    void aStatementWithARepeatedPropertyIsMalformed_data2_2() {
        assertThrows(ApiException.class, () -> json("{\"actor\":{},\"actor\":{}}"));
    }

    @Test
    void theIdIsAUuid_data2_4_1() {
        ObjectNode s = statement();
        s.put("id", "not-a-uuid");
        rejected(s);
        s.put("id", "FD41C918-B88B-4B20-A0A5-A4C32391AAA0");
        accepted(s);
    }

    @Test
    void anAgentHasExactlyOneInverseFunctionalIdentifier_data2_4_2_1() {
        ObjectNode none = statement();
        ((ObjectNode) none.get("actor")).remove("mbox");
        rejected(none);
        ObjectNode two = statement();
        ((ObjectNode) two.get("actor")).put("openid", "http://openid.example.org/12345");
        rejected(two);
        for (String actor : new String[] {
            "{\"mbox_sha1sum\":\"cd9b00a5611f94eaa7b1661edab976068e364975\"}",
            "{\"openid\":\"http://openid.example.org/12345\"}",
            "{\"account\":{\"homePage\":\"https://lms.example.org\",\"name\":\"1234567890\"}}"
        }) {
            ObjectNode s = statement();
            s.set("actor", json(actor));
            accepted(s);
        }
    }

    @Test
    void anMboxIsAMailtoIriAndAnSha1sumIsHex_data2_4_2_3() {
        ObjectNode s = statement();
        ((ObjectNode) s.get("actor")).put("mbox", "xapi@adlnet.gov");
        rejected(s);
        s.set("actor", json("{\"mbox_sha1sum\":\"not-hex\"}"));
        rejected(s);
    }

    @Test
    void anAccountHasAHomePageIrlAndAName_data2_4_2_4() {
        ObjectNode s = statement();
        s.set("actor", json("{\"account\":{\"homePage\":\"not an iri\",\"name\":\"a\"}}"));
        rejected(s);
        s.set("actor", json("{\"account\":{\"homePage\":\"https://lms.example.org\"}}"));
        rejected(s);
        s.set("actor", json("{\"account\":{\"homePage\":\"https://lms.example.org\",\"name\":\"a\",\"id\":\"1\"}}"));
        rejected(s);
    }

    @Test
    void anAnonymousGroupListsItsMembersAndMembersAreAgents_data2_4_2_2() {
        ObjectNode s = statement();
        s.set("actor", json("{\"objectType\":\"Group\",\"name\":\"team\"}"));
        rejected(s);
        s.set("actor", json("{\"objectType\":\"Group\",\"member\":[{\"mbox\":\"mailto:a@example.org\"}]}"));
        accepted(s);
        s.set(
                "actor",
                json(
                        "{\"objectType\":\"Group\",\"member\":[{\"objectType\":\"Group\",\"mbox\":\"mailto:g@example.org\"}]}"));
        rejected(s);
        s.set("actor", json("{\"objectType\":\"Group\",\"mbox\":\"mailto:g@example.org\"}"));
        accepted(s);
    }

    @Test
    void aVerbHasAnIriIdAndADisplayLanguageMap_data2_4_3() {
        ObjectNode s = statement();
        ((ObjectNode) s.get("verb")).put("id", "attended");
        rejected(s);
        ObjectNode display = statement();
        ((ObjectNode) display.get("verb")).set("display", json("{\"not a tag\":\"attended\"}"));
        rejected(display);
        ((ObjectNode) display.get("verb")).set("display", json("{\"en\":1}"));
        rejected(display);
        ((ObjectNode) display.get("verb")).set("display", json("{\"und\":\"attended\",\"zh-Hant-TW\":\"x\"}"));
        accepted(display);
    }

    @Test
    void anActivityHasAnIriIdAndAValidDefinition_data2_4_4_1() {
        ObjectNode s = statement();
        ((ObjectNode) s.get("object")).put("id", "34534");
        rejected(s);
        ObjectNode d = statement();
        ((ObjectNode) d.get("object")).set("definition", json("{\"type\":\"not an iri\"}"));
        rejected(d);
        ((ObjectNode) d.get("object"))
                .set(
                        "definition",
                        json(
                                "{\"name\":{\"en\":\"Meeting\"},\"type\":\"http://adlnet.gov/expapi/activities/meeting\","
                                        + "\"moreInfo\":\"https://example.org/m\",\"extensions\":{\"http://example.org/x\":{\"a\":1}}}"));
        accepted(d);
    }

    @Test
    void interactionComponentsBelongToTheirInteractionTypeAndHaveDistinctIds_data2_4_4_1_1() {
        ObjectNode s = statement();
        ((ObjectNode) s.get("object"))
                .set(
                        "definition",
                        json("{\"interactionType\":\"choice\",\"choices\":[{\"id\":\"a\"},{\"id\":\"b\"}]}"));
        accepted(s);
        ((ObjectNode) s.get("object"))
                .set(
                        "definition",
                        json("{\"interactionType\":\"choice\",\"choices\":[{\"id\":\"a\"},{\"id\":\"a\"}]}"));
        rejected(s);
        ((ObjectNode) s.get("object"))
                .set("definition", json("{\"interactionType\":\"likert\",\"choices\":[{\"id\":\"a\"}]}"));
        rejected(s);
        ((ObjectNode) s.get("object")).set("definition", json("{\"interactionType\":\"essay\"}"));
        rejected(s);
    }

    @Test
    void aStatementRefHasAUuidId_data2_4_4_2() {
        ObjectNode s = statement();
        s.set("object", json("{\"objectType\":\"StatementRef\",\"id\":\"nope\"}"));
        rejected(s);
        s.set("object", json("{\"objectType\":\"StatementRef\",\"id\":\"8f87ccde-bb56-4c2e-ab83-44982ef22df0\"}"));
        accepted(s);
    }

    @Test
    void aSubStatementHasNoIdStoredVersionOrAuthorityAndNoNestedSubStatement_data2_4_4_3() {
        String sub = "{\"objectType\":\"SubStatement\",\"actor\":{\"mbox\":\"mailto:a@example.org\"},"
                + "\"verb\":{\"id\":\"http://example.org/v\"},\"object\":{\"id\":\"http://example.org/a\"}";
        ObjectNode s = statement();
        s.set("object", json(sub + "}"));
        accepted(s);
        s.set("object", json(sub + ",\"id\":\"8f87ccde-bb56-4c2e-ab83-44982ef22df0\"}"));
        rejected(s);
        s.set("object", json(sub + ",\"version\":\"2.0.0\"}"));
        rejected(s);
        s.set("object", json(sub.replace("{\"id\":\"http://example.org/a\"}", sub + "}") + "}"));
        rejected(s);
    }

    @Test
    void aScoreIsWithinItsBounds_data2_4_5_1() {
        for (String bad : new String[] {
            "{\"scaled\":1.5}", "{\"scaled\":-1.01}", "{\"raw\":11,\"max\":10}", "{\"raw\":-1,\"min\":0}",
            "{\"min\":10,\"max\":10}", "{\"min\":10,\"max\":5}", "{\"raw\":\"5\"}", "{\"percent\":5}"
        }) {
            ObjectNode s = statement();
            s.putObject("result").set("score", json(bad));
            rejected(s);
        }
        ObjectNode s = statement();
        s.putObject("result").set("score", json("{\"scaled\":-1,\"raw\":0,\"min\":0,\"max\":10}"));
        accepted(s);
    }

    @Test
    void resultSuccessAndCompletionAreBooleans_data2_4_5() {
        ObjectNode s = statement();
        s.putObject("result").put("success", "true");
        rejected(s);
    }

    /** Suite: test/v2_0/configs/durations.js (XAPI-00124). */
    @ParameterizedTest
    @ValueSource(strings = {"PT1H0M0.1S", "PT4H35M59.14S", "PT16559.14S", "P3Y1M29DT4H35M59.14S", "P3Y", "P4W"})
    void aDurationUsesTheIso8601DurationFormat_data4_6_accepted(String duration) {
        ObjectNode s = statement();
        s.putObject("result").put("duration", duration);
        accepted(s);
    }

    /** Suite: test/v2_0/configs/durations.js (XAPI-00124). */
    @ParameterizedTest
    @ValueSource(strings = {"PA1H0M0S", "should fail", "P4W1D", "P", "PT", "P1Y2M3DT", "0001-02-03T04:05:06"})
    void aDurationUsesTheIso8601DurationFormat_data4_6_rejected(String duration) {
        ObjectNode s = statement();
        s.putObject("result").put("duration", duration);
        rejected(s);
    }

    @Test
    void aDurationIsAString_data4_6() {
        ObjectNode s = statement();
        s.putObject("result").put("duration", 12345);
        rejected(s);
    }

    /** Suite: test/v2_0/configs/timestamps.js (XAPI-00123). */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "2008-09-15 15:53:00.601+00:00",
                "2013-05-18T05:32:34.804Z",
                "2013-05-18T05:32:34+01:00",
                "2013-05-18T05:32:34.804",
                "20130518T053234Z"
            })
    void aTimestampIsAnIso8601DateTime_data4_5_accepted(String timestamp) {
        ObjectNode s = statement();
        s.put("timestamp", timestamp);
        accepted(s);
    }

    /** Suite: test/v2_0/configs/timestamps.js (XAPI-00123): -00, -0000 and -00:00 offsets are rejected. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "should fail",
                "01/011/2015",
                "2008-09-15T15:53:00.601-00",
                "2008-09-15T15:53:00.601-0000",
                "2008-09-15T15:53:00.601-00:00",
                "2013-13-18T05:32:34Z",
                "2013-02-30T05:32:34Z"
            })
    void aTimestampIsAnIso8601DateTime_data4_5_rejected(String timestamp) {
        ObjectNode s = statement();
        s.put("timestamp", timestamp);
        rejected(s);
    }

    @Test
    void revisionAndPlatformAreOnlyUsedWhenTheObjectIsAnActivity_data2_4_6() {
        ObjectNode s = statement();
        s.putObject("context").put("revision", "1");
        accepted(s);
        s.set("object", json("{\"objectType\":\"Agent\",\"mbox\":\"mailto:b@example.org\"}"));
        rejected(s);
        ObjectNode p = statement();
        p.set("object", json("{\"objectType\":\"Agent\",\"mbox\":\"mailto:b@example.org\"}"));
        p.putObject("context").put("platform", "Moodle");
        rejected(p);
    }

    @Test
    void contextRulesRegistrationTeamLanguageStatement_data2_4_6() {
        for (String bad : new String[] {
            "{\"registration\":\"nope\"}",
            "{\"team\":{\"mbox\":\"mailto:a@example.org\"}}",
            "{\"language\":\"not a language\"}",
            "{\"statement\":{\"objectType\":\"Activity\",\"id\":\"http://example.org/a\"}}",
            "{\"contextActivities\":{\"parents\":[]}}",
            "{\"contextActivities\":{\"parent\":[{\"id\":\"no iri\"}]}}",
            "{\"contextAgents\":[{\"objectType\":\"contextAgent\",\"agent\":{\"mbox\":\"mailto:a@example.org\"},\"relevantTypes\":[]}]}",
            "{\"contextGroups\":[{\"objectType\":\"contextGroup\",\"group\":{\"mbox\":\"mailto:a@example.org\"}}]}"
        }) {
            ObjectNode s = statement();
            s.set("context", json(bad));
            rejected(s);
        }
        ObjectNode s = statement();
        s.set(
                "context",
                json(
                        "{\"registration\":\"ec531277-b57b-4c15-8d91-d292c5b2b8f7\",\"language\":\"en-GB\","
                                + "\"contextActivities\":{\"parent\":{\"id\":\"http://example.org/course\"},\"category\":[{\"id\":\"http://example.org/c\"}]},"
                                + "\"instructor\":{\"mbox\":\"mailto:t@example.org\"},\"team\":{\"objectType\":\"Group\",\"mbox\":\"mailto:team@example.org\"},"
                                + "\"contextAgents\":[{\"objectType\":\"contextAgent\",\"agent\":{\"mbox\":\"mailto:a@example.org\"},\"relevantTypes\":[\"http://example.org/t\"]}],"
                                + "\"statement\":{\"objectType\":\"StatementRef\",\"id\":\"ec531277-b57b-4c15-8d91-d292c5b2b8f7\"}}"));
        accepted(s);
    }

    @Test
    void extensionKeysAreIris_data4_3() {
        ObjectNode s = statement();
        s.putObject("context").putObject("extensions").put("topic", "x");
        rejected(s);
    }

    @Test
    void theVersionStartsWith1_0Or2_0_data2_4_10() {
        ObjectNode s = statement();
        s.put("version", "1.0.3");
        accepted(s);
        s.put("version", "2.0.0");
        accepted(s);
        s.put("version", "0.95");
        rejected(s);
        s.put("version", "3.0.0");
        rejected(s);
    }

    @Test
    void aVoidingStatementsObjectIsAStatementRef_data2_3_2() {
        ObjectNode s = statement();
        ((ObjectNode) s.get("verb")).put("id", StatementValidator.VOIDED);
        rejected(s);
    }

    @Test
    void anAttachmentWithoutFileUrlNeedsAMultipartPart_data2_4_11() {
        ObjectNode s = statement();
        s.set(
                "attachments",
                json("[{\"usageType\":\"http://example.org/u\",\"display\":{\"en\":\"a\"},"
                        + "\"contentType\":\"text/plain\",\"length\":3,\"sha2\":\"abc\"}]"));
        rejected(s);
        ((ObjectNode) s.get("attachments").get(0)).put("fileUrl", "https://example.org/a.txt");
        accepted(s);
        ((ObjectNode) s.get("attachments").get(0)).put("length", "3");
        rejected(s);
    }

    @Test
    void anAuthorityGroupHasExactlyTwoMembers_data2_4_9() {
        ObjectNode s = statement();
        s.set("authority", json("{\"objectType\":\"Group\",\"member\":[{\"mbox\":\"mailto:a@example.org\"}]}"));
        rejected(s);
    }
}
