package uk.apprenticeships.st1398.standards;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import uk.apprenticeships.st1398.testing.PlatformConventionsTestBase;
import uk.apprenticeships.st1398.testing.PostgresResource;
import uk.apprenticeships.st1398.testing.Tokens;

@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = OidcWiremockTestResource.class, restrictToAnnotatedClass = false)
class StandardsConventionsTest extends PlatformConventionsTestBase {

    @Override
    protected String writePath() {
        return "/api/v1/standards";
    }

    @Override
    protected String writerToken() {
        return Tokens.admin();
    }

    @Override
    protected String wrongRoleToken() {
        return Tokens.tutor("10000001");
    }
}
