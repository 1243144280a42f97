package uk.apprenticeships.st1398.assessment;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import uk.apprenticeships.st1398.testing.PlatformConventionsTestBase;
import uk.apprenticeships.st1398.testing.PostgresResource;
import uk.apprenticeships.st1398.testing.TestIds;
import uk.apprenticeships.st1398.testing.Tokens;

@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = OidcWiremockTestResource.class, restrictToAnnotatedClass = false)
class AssessmentConventionsTest extends PlatformConventionsTestBase {

    @Override
    protected String writePath() {
        return "/api/v1/assessment-organisations";
    }

    @Override
    protected String writerToken() {
        return Tokens.admin();
    }

    @Override
    protected String wrongRoleToken() {
        return Tokens.assessor(TestIds.epaoId());
    }

    @Override
    protected int maxBodyBytes() {
        return 256 * 1024;
    }
}
