package uk.apprenticeships.st1398.standards;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.standards.repository.StandardRepository;

/** A CASE page answered from the server-side read cache still says how many documents there are. */
@QuarkusTest
@TestProfile(ReadCacheTest.CacheOn.class)
class CaseReadCacheTest {

    private static final String PAGE = "/ims/case/v1p1/CFDocuments?limit=1";

    @Inject
    StandardRepository standards;

    @Test
    void pagingTotalSurvivesTheReadCache() {
        Response first = given().when().get(PAGE);
        first.then().statusCode(200);
        String total = first.header("X-Total-Count");
        String etag = first.header("ETag");
        assertNotNull(total);
        // Change the row behind the API's back, so only a cached answer keeps the old tag.
        QuarkusTransaction.requiringNew().run(() -> standards.findById("ST1398").title = "Changed behind the cache");
        try {
            given().when()
                    .get(PAGE)
                    .then()
                    .statusCode(200)
                    .header("ETag", equalTo(etag))
                    .header("X-Total-Count", equalTo(total));
        } finally {
            QuarkusTransaction.requiringNew()
                    .run(() -> standards.findById("ST1398").title = "Machine learning engineer");
        }
    }
}
