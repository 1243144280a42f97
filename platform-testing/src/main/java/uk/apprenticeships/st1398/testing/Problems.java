package uk.apprenticeships.st1398.testing;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.restassured.builder.ResponseSpecBuilder;
import io.restassured.specification.ResponseSpecification;

/** REST Assured expectations for RFC 9457 problem responses. */
public final class Problems {

    public static final String BASE = "https://st1398-platform.dev/problems/";

    private Problems() {}

    /** A problem with this status and type slug, a detail, and no leaked internals. */
    public static ResponseSpecification problem(int status, String typeSlug) {
        return new ResponseSpecBuilder()
                .expectStatusCode(status)
                .expectContentType("application/problem+json")
                .expectBody("type", equalTo(BASE + typeSlug))
                .expectBody("status", equalTo(status))
                .expectBody("title", notNullValue())
                .expectBody("code", notNullValue())
                .expectBody("detail", notNullValue())
                .expectBody("instance", notNullValue())
                .expectBody("requestId", notNullValue())
                .expectBody(not(containsString("Exception")))
                .expectBody(not(containsString("\tat ")))
                .build();
    }

    /** A problem with this status, type slug and catalogue code. */
    public static ResponseSpecification problem(int status, String typeSlug, String code) {
        return new ResponseSpecBuilder()
                .addResponseSpecification(problem(status, typeSlug))
                .expectBody("code", equalTo(code))
                .build();
    }

    /** The 503 {@code database-unavailable} problem a service answers while its database is down. */
    public static ResponseSpecification databaseUnavailable() {
        return new ResponseSpecBuilder()
                .addResponseSpecification(problem(503, "service-unavailable", "database-unavailable"))
                .expectHeader("Retry-After", equalTo("5"))
                .build();
    }

    /** A 400 validation problem naming this field among its violations. */
    public static ResponseSpecification invalid(String field) {
        return new ResponseSpecBuilder()
                .addResponseSpecification(problem(400, "validation-failed"))
                .expectBody("violations.field", hasItem(field))
                .build();
    }
}
