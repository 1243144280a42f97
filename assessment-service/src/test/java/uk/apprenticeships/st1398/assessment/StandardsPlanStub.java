package uk.apprenticeships.st1398.assessment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * standards-service as WireMock. ST1398 1.0 answers the real seed plan of standards-service (so the two services
 * agree on the shape); ST9999 1.0 a made-up plan ({@link #madeUpPlan()}); ST8888 1.0 the same with other gateway
 * requirements ({@link #otherGatewayPlan()}); ST7777 1.0 the same with other gateway thresholds
 * ({@link #thresholdsPlan()}); ST0404 1.0 has no plan (404); ST0503 1.0
 * resets the connection (the catalogue is unreachable).
 */
public class StandardsPlanStub implements QuarkusTestResourceLifecycleManager {

    static final Path ST1398_PLAN =
            Path.of("../standards-service/src/main/resources/seed/st1398-1.0-assessment-plan.json");
    private static final String PLAN = "/api/v1/standards/%s/versions/%s/assessment-plan";
    static final List<String> GRADES = List.of("Fail", "Pass", "Merit", "Distinction");

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        server.stubFor(get(urlEqualTo(PLAN.formatted("ST1398", "1.0"))).willReturn(json(st1398Plan())));
        server.stubFor(get(urlEqualTo(PLAN.formatted("ST9999", "1.0"))).willReturn(json(madeUpPlan())));
        server.stubFor(get(urlEqualTo(PLAN.formatted("ST8888", "1.0"))).willReturn(json(otherGatewayPlan())));
        server.stubFor(get(urlEqualTo(PLAN.formatted("ST7777", "1.0"))).willReturn(json(thresholdsPlan())));
        server.stubFor(get(urlEqualTo(PLAN.formatted("ST0404", "1.0")))
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":404}")));
        server.stubFor(get(urlEqualTo(PLAN.formatted("ST0503", "1.0")))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        catalogue();
        // The client URL, not assessment.standards-service-url, so the configured default stays testable.
        return Map.of("quarkus.rest-client.standards.url", server.baseUrl());
    }

    /**
     * The catalogue lookups the DfE surface and approvals use (standards-service's StandardSummary page, VersionResponse
     * and version list). ST1398 (LARS 795) has no options; ST0127 (LARS 1, the standard of DfE's .NET client examples)
     * has none either; ST0156 (LARS 6) 1.0 has the three options of DfE's GetOptionsForStandardResponseExample
     * (dfe-examples responses/swagger-options-for-standard.json). Each has a plan, so learners can be registered.
     */
    private void catalogue() {
        String[][] standards = {
            {"ST1398", "Machine learning engineer", "6", "795", "[]"},
            {"ST0127", "Example Standard", "3", "1", "[]"},
            {
                "ST0156",
                "Power network craftsperson",
                "3",
                "6",
                "[\"Overhead lines\",\"Substation fitting\",\"Underground cables\"]"
            }
        };
        List<String> all = new ArrayList<>();
        for (String[] st : standards) {
            String ref = st[0];
            String key = ref + "_1.0";
            String item = ("{\"key\":\"%s\",\"reference\":\"%s\",\"larsCode\":%s,\"title\":\"%s\","
                            + "\"versionNumber\":\"1.0\",\"status\":\"Approved for delivery\",\"options\":%s}")
                    .formatted(key, ref, st[3], st[1], st[4]);
            all.add(item);
            server.stubFor(get(urlPathEqualTo("/api/v1/standards"))
                    .withQueryParam("larsCode", equalTo(st[3]))
                    .willReturn(json(page(("{\"reference\":\"%s\",\"title\":\"%s\",\"level\":%s,"
                                    + "\"route\":\"Digital\",\"larsCode\":%s,\"approvedVersion\":\"%s\"}")
                            .formatted(ref, st[1], st[2], st[3], key)))));
            server.stubFor(get(urlPathEqualTo("/api/v1/standard-versions"))
                    .withQueryParam("reference", equalTo(ref))
                    .willReturn(json(page(item))));
            server.stubFor(get(urlPathEqualTo("/api/v1/standard-versions"))
                    .withQueryParam("larsCode", equalTo(st[3]))
                    .willReturn(json(page(item))));
            String options = st[4].equals("[]")
                    ? "[]"
                    : "[{\"id\":\"6a0f4a52-0000-4000-8000-000000000001\",\"position\":1,\"title\":\"Overhead lines\"},"
                            + "{\"id\":\"6a0f4a52-0000-4000-8000-000000000002\",\"position\":2,"
                            + "\"title\":\"Substation fitting\"},"
                            + "{\"id\":\"6a0f4a52-0000-4000-8000-000000000003\",\"position\":3,"
                            + "\"title\":\"Underground cables\"}]";
            server.stubFor(get(urlEqualTo("/api/v1/standard-versions/" + key))
                    .willReturn(json(("{\"key\":\"%s\",\"reference\":\"%s\",\"versionNumber\":\"1.0\","
                                    + "\"status\":\"Approved for delivery\",\"larsCode\":%s,\"title\":\"%s\","
                                    + "\"options\":%s}")
                            .formatted(key, ref, st[3], st[1], options))));
            if (!ref.equals("ST1398")) {
                server.stubFor(get(urlEqualTo(PLAN.formatted(ref, "1.0")))
                        .willReturn(json(madeUpPlan()
                                .replace(
                                        "\"key\":\"ST9999_1.0\",\"reference\":\"ST9999\"",
                                        "\"key\":\"" + key + "\",\"reference\":\"" + ref + "\""))));
            }
        }
        // Lower priority than the filtered stubs above: any other LARS code or reference is unknown.
        server.stubFor(get(urlPathEqualTo("/api/v1/standards")).atPriority(10).willReturn(json(page())));
        server.stubFor(get(urlPathEqualTo("/api/v1/standard-versions"))
                .atPriority(10)
                .withQueryParam("larsCode", absent())
                .withQueryParam("reference", absent())
                .willReturn(json(page(all.toArray(String[]::new)))));
        server.stubFor(
                get(urlPathEqualTo("/api/v1/standard-versions")).atPriority(20).willReturn(json(page())));
        server.stubFor(get(urlPathMatching("/api/v1/standard-versions/[^/]+"))
                .atPriority(10)
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":404}")));
    }

    private static String page(String... items) {
        return "{\"items\":[" + String.join(",", items) + "],\"page\":0,\"size\":100,\"totalItems\":" + items.length
                + ",\"totalPages\":" + (items.length == 0 ? 0 : 1) + "}";
    }

    static String st1398Plan() {
        try {
            return Files.readString(ST1398_PLAN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Three methods graded Fail/Pass/Merit/Distinction (only PROJECT names its KSBs); any Fail gives Fail, otherwise
     * the overall grade is the middle one of the three (unlike ST1398). Resits: no employer agreement, at most 2 per
     * method, capped at Merit, cap never lifted. Retakes: employer agreement, at most 1, no cap. Six months.
     */
    static String madeUpPlan() {
        List<String> rows = new ArrayList<>();
        for (String a : GRADES) {
            for (String b : GRADES) {
                for (String c : GRADES) {
                    List<Integer> idx =
                            new ArrayList<>(List.of(GRADES.indexOf(a), GRADES.indexOf(b), GRADES.indexOf(c)));
                    idx.sort(null);
                    String overall = idx.get(0) == 0 ? "Fail" : GRADES.get(idx.get(1));
                    rows.add("{\"methodGrades\":{\"PROJECT\":\"%s\",\"TEST\":\"%s\",\"INTERVIEW\":\"%s\"},"
                                    .formatted(a, b, c)
                            + "\"overallGrade\":\"" + overall + "\"}");
                }
            }
        }
        String grades = "[\"Fail\",\"Pass\",\"Merit\",\"Distinction\"]";
        return """
                {"key":"ST9999_1.0","reference":"ST9999","versionNumber":"1.0","confirmed":true,"unconfirmed":[],
                 "assessmentPeriod":{"months":6,"confirmed":true,"source":"made up"},
                 "methods":{"confirmed":true,"source":"made up","items":[
                   {"code":"PROJECT","name":"Project","grades":%1$s,"ksbCodes":["K1","S1"]},
                   {"code":"TEST","name":"Test","grades":%1$s,"ksbCodes":null},
                   {"code":"INTERVIEW","name":"Interview","grades":%1$s}]},
                 "gradeCombinations":{"confirmed":true,"source":"made up",
                   "overallGrades":%1$s,"rows":[%2$s]},
                 "gateway":{"confirmed":true,"source":"made up","requirements":[]},
                 "resitRetake":{"confirmed":true,"source":"made up",
                   "resit":{"employerAgreementRequired":false,"gradeCap":"Merit","maxAttemptsPerMethod":2,
                            "exceptionalCircumstancesLiftCap":false},
                   "retake":{"employerAgreementRequired":true,"gradeCap":null,"maxAttemptsPerMethod":1,
                            "exceptionalCircumstancesLiftCap":false}},
                 "offTheJob":{"confirmed":true,"source":"made up","rules":[]}}
                """.formatted(grades, String.join(",", rows));
    }

    /**
     * ST9999's grading with other gateway requirements: KSB coverage under another code (without thresholds, as
     * plans stored before thresholds existed: every KSB), a safeguarding course met by a declaration, a driving
     * licence only for apprentices 21 or over at the start, an off-the-job rule, and the minimum time in learning
     * of ST1398's seed (12 months for starts from 2017-05-01, 8 from 2025-08-01). No English and maths requirement.
     */
    static String otherGatewayPlan() {
        return madeUpPlan()
                .replace(
                        "\"key\":\"ST9999_1.0\",\"reference\":\"ST9999\"",
                        "\"key\":\"ST8888_1.0\",\"reference\":\"ST8888\"")
                .replace("\"requirements\":[]", """
                "requirements":[
                  {"code":"KSB_COVERAGE","description":"Every KSB evidenced","conditions":null,
                   "confirmed":true,"source":"made up"},
                  {"code":"SAFEGUARDING_COURSE","description":"A safeguarding course completed",
                   "confirmed":true,"source":"made up"},
                  {"code":"DRIVING_LICENCE","description":"A full driving licence",
                   "conditions":{"applicableAgeAtStart":{"min":21,"max":null}},"confirmed":true,"source":"made up"}],
                "minimumTimeInLearning":{"confirmed":true,"source":"made up","rules":[
                  {"startsFrom":"2017-05-01","startsBefore":"2025-08-01","months":12},
                  {"startsFrom":"2025-08-01","startsBefore":null,"months":8}]}
                """)
                .replace(
                        "\"offTheJob\":{\"confirmed\":true,\"source\":\"made up\",\"rules\":[]}",
                        "\"offTheJob\":{\"confirmed\":true,\"source\":\"made up\",\"rules\":[{\"startsFrom\":null,"
                                + "\"startsBefore\":null,\"basis\":\"FIXED_HOURS\",\"minimumHours\":200,"
                                + "\"confirmed\":true,\"source\":\"made up\"}]}");
    }

    /**
     * ST9999's grading with thresholds unlike ST1398's: the portfolio requirement (under a code no rule knows)
     * needs 80% of the KSBs and K1 and B1 whatever the percentage; the minimum time in learning is 6 months for
     * any start date. Nothing in the assessment-service knows these numbers.
     */
    static String thresholdsPlan() {
        return madeUpPlan()
                .replace(
                        "\"key\":\"ST9999_1.0\",\"reference\":\"ST9999\"",
                        "\"key\":\"ST7777_1.0\",\"reference\":\"ST7777\"")
                .replace("\"requirements\":[]", """
                "requirements":[
                  {"code":"EVIDENCE_PORTFOLIO","description":"A portfolio covering most KSBs","conditions":null,
                   "ksbCoverage":{"minimumCoveragePercent":80,"requiredKsbCodes":["K1","B1"],
                                  "confirmed":true,"source":"made up"},
                   "confirmed":true,"source":"made up"}],
                "minimumTimeInLearning":{"confirmed":true,"source":"made up","rules":[
                  {"startsFrom":null,"startsBefore":null,"months":6}]}
                """);
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
