package uk.apprenticeships.st1398.gateway.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;

/**
 * What the dashboard's static files need from the gateway besides themselves: {@code /dashboard/config.json} (where
 * to sign in), {@code /dashboard} redirected to {@code /dashboard/}, and GOV.UK Frontend's images at
 * {@code /assets/images/*}, where its stylesheet looks for them. No token is needed for any of these (the gateway only
 * checks tokens on its API routes); the dashboard's API calls carry the signed-in user's token.
 */
@ApplicationScoped
public class DashboardRoutes {

    static final String GOVUK_ASSETS = "META-INF/resources/webjars/govuk-frontend/5.14.0/dist/govuk/assets/images";

    private final String configJson;

    public DashboardRoutes(DashboardConfig config, ObjectMapper json) throws Exception {
        this.configJson = json.writeValueAsString(
                Map.of("realmUrl", config.realmUrl().replaceAll("/+$", ""), "clientId", config.clientId()));
    }

    void install(@Observes Router router) {
        // Vert.x matches /dashboard/ on this route too: only the bare path is redirected.
        router.get("/dashboard").handler(ctx -> {
            if (ctx.request().path().equals("/dashboard")) {
                ctx.redirect("/dashboard/");
            } else {
                ctx.next();
            }
        });
        router.get("/dashboard/config.json")
                .handler(ctx -> ctx.response()
                        .putHeader("Content-Type", "application/json")
                        .putHeader("Cache-Control", "no-cache")
                        .end(configJson));
        router.get("/assets/images/*").handler(StaticHandler.create(GOVUK_ASSETS));
    }
}
