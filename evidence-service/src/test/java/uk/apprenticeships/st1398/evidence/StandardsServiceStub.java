package uk.apprenticeships.st1398.evidence;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * standards-service as WireMock: ST1398 1.0 has K1–K10, S1–S10 and B1–B5 (a bare array, as the real service
 * answers); ST1398 2.0 answers a page; ST0404 1.0 is not in the catalogue (404); ST0503 1.0 resets the connection
 * (the catalogue is unreachable). Versions themselves: ST1398 1.0 and 2.0 exist, and so do ST0404 1.0 and ST0503 1.0
 * (enrolled while the catalogue still knew them, their KSBs fail later); ST0001 1.0 is unknown (404) and ST0002 1.0
 * resets the connection. ST0504 1.0 exists but its KSBs and off-the-job requirement answer only after 3 s (the
 * catalogue is slow; the tests' downstream timeout is 1 s). {@link #server()} lets a test count the calls made.
 */
public class StandardsServiceStub implements QuarkusTestResourceLifecycleManager {

    private static final String VERSION = "/api/v1/standards/%s/versions/%s";
    private static final String KSBS = VERSION + "/ksbs";

    private static volatile WireMockServer running;
    private WireMockServer server;

    /** The running stub, for tests that count the calls evidence-service made. */
    public static WireMockServer server() {
        return running;
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        running = server;
        server.stubFor(get(urlEqualTo(KSBS.formatted("ST1398", "1.0"))).willReturn(json(ksbs(10, 10, 5))));
        server.stubFor(get(urlEqualTo(KSBS.formatted("ST1398", "2.0")))
                .willReturn(json("{\"items\":" + ksbs(2, 2, 1) + ",\"page\":0}")));
        server.stubFor(get(urlEqualTo(KSBS.formatted("ST0404", "1.0")))
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":404}")));
        server.stubFor(get(urlEqualTo(KSBS.formatted("ST0503", "1.0")))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        for (String[] v : new String[][] {
            {"ST1398", "1.0"}, {"ST1398", "2.0"}, {"ST0404", "1.0"}, {"ST0503", "1.0"}, {"ST0504", "1.0"}
        }) {
            server.stubFor(get(urlEqualTo(VERSION.formatted(v[0], v[1])))
                    .willReturn(json("{\"referenceNumber\":\"%s\",\"version\":\"%s\"}".formatted(v[0], v[1]))));
        }
        server.stubFor(get(urlEqualTo(VERSION.formatted("ST0001", "1.0")))
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":404}")));
        server.stubFor(get(urlEqualTo(VERSION.formatted("ST0002", "1.0")))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        server.stubFor(get(urlEqualTo(KSBS.formatted("ST0504", "1.0")))
                .willReturn(json(ksbs(1, 1, 1)).withFixedDelay(3000)));
        stubOffTheJobRequirements();
        return Map.of("evidence.standards-service-url", server.baseUrl());
    }

    /**
     * ST1398 1.0: the fixed rule (418 hours) for starts from 2025-08-01, the weekly rule (6 hours a week, full time
     * assumed, 104 weeks) for a start on 2025-03-03; ST1398 2.0 has no plan (404); ST0503 1.0 is unreachable.
     */
    private void stubOffTheJobRequirements() {
        String path = "/api/v1/standards/%s/versions/%s/assessment-plan/off-the-job-requirement";
        server.stubFor(get(urlPathEqualTo(path.formatted("ST1398", "1.0")))
                .withQueryParam("startDate", equalTo("2025-09-01"))
                .withQueryParam("plannedWeeks", equalTo("104"))
                .withQueryParam("weeklyContractedHours", absent())
                .willReturn(json("{\"key\":\"ST1398_1.0\",\"startDate\":\"2025-09-01\",\"plannedWeeks\":104,"
                        + "\"weeklyContractedHours\":null,\"minimumHours\":418,\"calculation\":\"Fixed minimum of "
                        + "418 hours for starts from 2025-08-01\",\"confirmed\":false,\"rule\":{\"startsFrom\":"
                        + "\"2025-08-01\",\"basis\":\"FIXED_HOURS\",\"minimumHours\":418,\"confirmed\":false,"
                        + "\"source\":\"unconfirmed\"}}")));
        server.stubFor(get(urlPathEqualTo(path.formatted("ST1398", "1.0")))
                .withQueryParam("startDate", equalTo("2025-03-03"))
                .withQueryParam("plannedWeeks", equalTo("104"))
                .withQueryParam("weeklyContractedHours", absent())
                .willReturn(json("{\"key\":\"ST1398_1.0\",\"startDate\":\"2025-03-03\",\"plannedWeeks\":104,"
                        + "\"weeklyContractedHours\":null,\"minimumHours\":624,\"calculation\":\"6 hours a week "
                        + "× 104 weeks for starts before 2025-08-01\",\"confirmed\":true,\"rule\":{\"startsBefore\":"
                        + "\"2025-08-01\",\"basis\":\"WEEKLY_HOURS\",\"hoursPerWeek\":6,\"fullTimeWeeklyHours\":30,"
                        + "\"confirmed\":true,\"source\":\"DfE funding rules\"}}")));
        // Part time (15 of 30 hours) with 10 weeks of planned leave: 6 × (104 − 10) × 15/30 = 282 before
        // 2025-08-01; the fixed minimum from then on.
        server.stubFor(get(urlPathEqualTo(path.formatted("ST1398", "1.0")))
                .withQueryParam("startDate", equalTo("2025-03-03"))
                .withQueryParam("plannedWeeks", equalTo("94"))
                .withQueryParam("weeklyContractedHours", equalTo("15.00"))
                .willReturn(json("{\"key\":\"ST1398_1.0\",\"startDate\":\"2025-03-03\",\"plannedWeeks\":94,"
                        + "\"weeklyContractedHours\":15.00,\"minimumHours\":282,\"calculation\":\"6 hours a week × "
                        + "94 weeks × 15.00/30 contracted hours (pro rata) for starts before 2025-08-01\","
                        + "\"confirmed\":true,\"rule\":{\"startsBefore\":\"2025-08-01\",\"basis\":\"WEEKLY_HOURS\","
                        + "\"hoursPerWeek\":6,\"fullTimeWeeklyHours\":30,\"confirmed\":true}}")));
        server.stubFor(get(urlPathEqualTo(path.formatted("ST1398", "1.0")))
                .withQueryParam("startDate", equalTo("2025-09-01"))
                .withQueryParam("plannedWeeks", equalTo("94"))
                .withQueryParam("weeklyContractedHours", equalTo("15.00"))
                .willReturn(json("{\"key\":\"ST1398_1.0\",\"startDate\":\"2025-09-01\",\"plannedWeeks\":94,"
                        + "\"weeklyContractedHours\":15.00,\"minimumHours\":418,\"calculation\":\"Fixed minimum of "
                        + "418 hours for starts from 2025-08-01\",\"confirmed\":false,\"rule\":{\"startsFrom\":"
                        + "\"2025-08-01\",\"basis\":\"FIXED_HOURS\",\"minimumHours\":418,\"confirmed\":false}}")));
        server.stubFor(get(urlPathEqualTo(path.formatted("ST1398", "2.0")))
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":404}")));
        server.stubFor(get(urlPathEqualTo(path.formatted("ST0504", "1.0")))
                .willReturn(json("{\"minimumHours\":418}").withFixedDelay(3000)));
        server.stubFor(get(urlPathEqualTo(path.formatted("ST0503", "1.0")))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    }

    private static String ksbs(int k, int s, int b) {
        List<String> items = new ArrayList<>();
        for (String kind : List.of("K", "S", "B")) {
            int n = kind.equals("K") ? k : kind.equals("S") ? s : b;
            for (int i = 1; i <= n; i++) {
                items.add("{\"id\":\"00000000-0000-0000-0000-0000000000%02d\",\"code\":\"%s%d\",\"kind\":\"%s\","
                                .formatted(i, kind, i, kind)
                        + "\"detail\":\"text\",\"textAvailable\":true}");
            }
        }
        return "[" + String.join(",", items) + "]";
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
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
