package uk.apprenticeships.st1398.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The reference dashboard ({@code /dashboard/}) in a real browser: headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}) driven by Selenium against the real stack, loaded with a small demo set by
 * {@code ./stack demo} (through the API). Signs in through Keycloak's own login page, checks every view's figures
 * against the same API calls made here with the same user's token, runs axe-core in each view (no serious or critical
 * violations), drives the views with the keyboard, and keeps a screenshot of each view in
 * {@code target/dashboard-screenshots}. Runs after the other classes (their fixed ULNs must not meet the demo's).
 */
@ExtendWith(Stack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(Integer.MAX_VALUE)
class DashboardEndToEndTest {

    private static final String DASHBOARD = Stack.GATEWAY + "/dashboard/";
    private static final Path SHOTS = Path.of("target/dashboard-screenshots");
    private static final Path AXE =
            Path.of(System.getProperty("e2e.repo", "..")).resolve(".ci/tools/node_modules/axe-core/axe.min.js");
    private static final List<String> VIEWS =
            List.of("overview", "coverage", "hours", "evidence", "readiness", "outcomes");

    private static WebDriver browser;
    private static WebDriverWait wait;
    private static String axeSource;

    @BeforeAll
    static void loadDemoDataAndStartTheBrowser() throws Exception {
        RestAssured.baseURI = Stack.GATEWAY;
        // A small demo set, through the public API; a second run adds nothing.
        Stack.run(600, "demo", "--apprentices", "16", "--seed", "15", "--quiet");
        Stack.run(120, "demo", "--apprentices", "16", "--seed", "15", "--quiet");
        assertTrue(Files.exists(AXE), "axe-core is missing at " + AXE + ": run (cd .ci/tools && npm ci)");
        axeSource = Files.readString(AXE);
        Files.createDirectories(SHOTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("e2e.chromium", "/usr/bin/chromium"));
        options.addArguments(
                "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1100", "--lang=en-GB");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("e2e.chromedriver", "/usr/bin/chromedriver"))
                        .toFile())
                .build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    }

    @AfterAll
    static void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    @Order(1)
    void aTutorSignsInThroughKeycloakAndEveryViewShowsWhatTheApiSays() throws Exception {
        signIn("tutor1");
        String token = Stack.passwordToken("platform-web", "tutor1");

        // Cohort overview.
        open("overview");
        List<Map<String, Object>> apprentices = all(token, "/api/v1/apprentices");
        assertEquals(count(apprentices.size()), figure("total-apprentices"));
        assertEquals(
                count(apprentices.stream()
                        .filter(a -> a.get("status").equals("active"))
                        .count()),
                figure("active-apprentices"));
        List<Map<String, Object>> assessments = all(token, "/api/v1/assessments");
        List<Map<String, Object>> awaiting = assessments.stream()
                .filter(a -> a.get("gatewayDate") == null && a.get("apprenticeId") != null)
                .toList();
        long ready = awaiting.stream()
                .filter(a -> Boolean.TRUE.equals(api(token, "/api/v1/assessments/" + a.get("id") + "/gateway/readiness")
                        .get("ready")))
                .count();
        assertEquals(count(ready), figure("ready-for-gateway"));
        assertEquals(
                count(assessments.stream()
                        .filter(a -> a.get("gatewayDate") != null)
                        .count()),
                figure("gateway-passed"));
        assertTrue(awaiting.size() > 0 && assessments.size() > awaiting.size(), "the demo set has both kinds");
        check("overview");

        // KSB coverage heat map.
        open("coverage");
        JsonPath cohort = given().auth()
                .oauth2(token)
                .get("/api/v1/providers/10000001/coverage?standardVersion=ST1398_1.0&size=15")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(count(cohort.getInt("cohort.apprentices")), figure("coverage-apprentices"));
        assertEquals(pct(cohort.getDouble("cohort.averagePercentageCovered")), figure("coverage-average"));
        assertEquals(count(cohort.getInt("totalKsbs")), figure("coverage-total-ksbs"));
        List<WebElement> heat = browser.findElements(By.cssSelector("[data-testid=heatmap] tbody tr"));
        assertEquals(cohort.getList("items").size(), heat.size());
        for (int i = 0; i < heat.size(); i++) {
            assertEquals(
                    pct(cohort.getDouble("items[" + i + "].percentageCovered")),
                    heat.get(i)
                            .findElement(By.cssSelector("[data-testid=heat-percent]"))
                            .getText());
            String id = cohort.getString("items[" + i + "].apprenticeId");
            long covered = ((List<?>) api(token, "/api/v1/apprentices/" + id + "/coverage")
                            .get("ksbs"))
                    .stream()
                            .filter(k -> "covered".equals(((Map<?, ?>) k).get("status")))
                            .count();
            assertEquals(
                    covered,
                    heat.get(i)
                            .findElements(By.cssSelector(".dashboard-heat--covered"))
                            .size(),
                    "covered cells of row " + i);
        }
        assertEquals(
                cohort.getList("cohort.ksbs").size(),
                browser.findElements(By.cssSelector("[data-testid=table-ksbs] tbody tr"))
                        .size());
        check("coverage");

        // Off-the-job hours.
        open("hours");
        List<Map<String, Object>> inLearning = apprentices.stream()
                .filter(a -> a.get("status").equals("active") || a.get("status").equals("break-in-learning"))
                .toList();
        assertEquals(count(inLearning.size()), figure("hours-apprentices"));
        double approved = 0;
        for (Map<String, Object> a : inLearning) {
            approved += ((Number) api(token, "/api/v1/apprentices/" + a.get("id") + "/off-the-job/summary")
                            .get("approvedHours"))
                    .doubleValue();
        }
        double shown = 0;
        List<WebElement> rows = browser.findElements(By.cssSelector("[data-testid=table-hours] tbody tr"));
        assertEquals(inLearning.size(), rows.size());
        for (WebElement row : rows) {
            shown += Double.parseDouble(
                    row.findElements(By.tagName("td")).get(0).getText().replace(",", ""));
        }
        assertEquals(approved, shown, 0.05, "approved hours, summed over the table");
        int behindRows = browser.findElements(By.cssSelector("[data-testid=table-hours] .govuk-tag--red"))
                .size();
        assertEquals(count(behindRows), figure("hours-behind"));
        check("hours");

        // Evidence awaiting review.
        open("evidence");
        int submitted = 0;
        for (Map<String, Object> a : inLearning) {
            submitted += (Integer) api(token, "/api/v1/apprentices/" + a.get("id") + "/evidence?status=submitted")
                    .get("totalItems");
        }
        assertEquals(count(submitted), figure("evidence-awaiting"));
        assertEquals(
                submitted,
                browser.findElements(By.cssSelector("[data-testid=table-evidence] tbody tr"))
                        .size());
        assertTrue(submitted > 0, "the demo set has evidence waiting");
        check("evidence");

        // Gateway readiness, every item explained.
        open("readiness");
        assertEquals(count(awaiting.size()), figure("readiness-awaiting"));
        assertEquals(count(ready), figure("readiness-ready"));
        for (Map<String, Object> a : awaiting) {
            List<?> items = (List<?>) api(token, "/api/v1/assessments/" + a.get("id") + "/gateway/readiness")
                    .get("items");
            WebElement section = browser.findElement(By.cssSelector("[data-testid=readiness-" + a.get("id") + "]"));
            assertEquals(
                    items.size(),
                    section.findElements(By.cssSelector("tbody tr")).size());
        }
        check("readiness");

        // Outcomes and certificates over time.
        open("outcomes");
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        String from =
                java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusYears(3).toString();
        List<Map<String, Object>> stats = all(
                token,
                "/api/v1/reports/cohort-statistics?from=" + from + "&to=" + today
                        + "&groupBy=period&period=quarter&providerUkprn=10000001");
        int assessed = stats.stream()
                .mapToInt(s -> ((Number) s.get("assessed")).intValue())
                .sum();
        assertEquals(count(assessed), figure("outcomes-assessed"));
        assertEquals(
                stats.size(),
                browser.findElements(By.cssSelector("[data-testid=table-outcomes] tbody tr"))
                        .size());
        for (int i = 0; i < stats.size(); i++) {
            WebElement row = browser.findElements(By.cssSelector("[data-testid=table-outcomes] tbody tr"))
                    .get(i);
            assertEquals(
                    stats.get(i).get("period"),
                    row.findElement(By.tagName("th")).getText());
            assertEquals(
                    pct(((Number) stats.get(i).get("passRate")).doubleValue() * 100),
                    row.findElements(By.tagName("td")).get(5).getText());
        }
        assertEquals(count(all(token, "/api/v1/certificates").size()), figure("outcomes-certificates"));
        assertTrue(assessed > 0, "the demo set has graded assessments");
        check("outcomes");
    }

    @Test
    @Order(2)
    void theMainViewsWorkFromTheKeyboard() {
        browser.get(DASHBOARD + "#/overview");
        waitFor("overview");
        // The skip link comes first and moves to the main content.
        ((JavascriptExecutor) browser).executeScript("document.activeElement.blur(); window.scrollTo(0, 0);");
        browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        WebElement skip = active();
        assertEquals("Skip to main content", skip.getText());
        skip.sendKeys(Keys.ENTER);
        assertEquals("main-content", active().getAttribute("id"));
        for (String view : List.of("coverage", "hours", "evidence", "readiness", "outcomes", "overview")) {
            ((JavascriptExecutor) browser)
                    .executeScript("document.getElementById('main-content').blur(); "
                            + "document.querySelector('.govuk-header__link').focus();");
            boolean reached = false;
            for (int i = 0; i < 30 && !reached; i++) {
                active().sendKeys(Keys.TAB);
                reached = view.equals(active().getAttribute("data-view"));
            }
            assertTrue(reached, "the " + view + " link is reachable with Tab");
            active().sendKeys(Keys.ENTER);
            waitFor(view);
            assertEquals(
                    "page",
                    browser.findElement(By.cssSelector("[data-view=" + view + "]"))
                            .getAttribute("aria-current"));
        }
    }

    @Test
    @Order(3)
    void anAccessTokenAboutToExpireIsRefreshedBeforeTheNextCall() {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        String read = "return JSON.parse(sessionStorage.getItem('st1398.dashboard.tokens')).access_token;";
        browser.get(DASHBOARD + "#/evidence");
        waitFor("evidence");
        String before = (String) js.executeScript(read);
        js.executeScript("const t = JSON.parse(sessionStorage.getItem('st1398.dashboard.tokens'));"
                + "t.expires_at = Date.now();"
                + "sessionStorage.setItem('st1398.dashboard.tokens', JSON.stringify(t));");
        browser.navigate().refresh();
        waitFor("evidence");
        String after = (String) js.executeScript(read);
        assertFalse(before.equals(after), "a new access token from the refresh token");
    }

    @Test
    @Order(4)
    void problemsAreShownPlainly() throws Exception {
        // An expired session: the API answers 401 to the stored token.
        ((JavascriptExecutor) browser)
                .executeScript("const t = JSON.parse(sessionStorage.getItem('st1398.dashboard.tokens'));"
                        + "t.access_token = t.access_token.slice(0, -8) + 'AAAAAAAA';"
                        + "sessionStorage.setItem('st1398.dashboard.tokens', JSON.stringify(t));");
        browser.get(DASHBOARD + "#/evidence");
        browser.navigate().refresh();
        WebElement problem =
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=problem]")));
        assertTrue(problem.getText().contains("Your session has ended"), problem.getText());
        assertTrue(browser.findElement(By.id("sign-in-again")).isDisplayed());
        shot("problem-session-expired");
        axe("problem-session-expired");
        browser.findElement(By.id("sign-in-again")).click();
        waitFor("evidence");

        // A stopped service: 503, said in words.
        Stack.run(120, "stop", "assessment");
        try {
            browser.get(DASHBOARD + "#/outcomes");
            browser.navigate().refresh();
            problem =
                    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=problem]")));
            assertEquals("503", problem.getAttribute("data-status"));
            assertTrue(problem.getText().contains("A service is unavailable"), problem.getText());
            shot("problem-service-unavailable");
        } finally {
            Stack.run(300, "start", "assessment");
        }
    }

    @Test
    @Order(5)
    void anApprenticeSeesTheirOwnRecordsAndCannotReachAnothersAndAnEmployerSeesTheirs() throws Exception {
        String tutor = Stack.passwordToken("platform-web", "tutor1");
        String other = all(tutor, "/api/v1/apprentices").stream()
                .filter(a -> !a.get("uln").equals("1234567890"))
                .map(a -> (String) a.get("id"))
                .findFirst()
                .orElseThrow();
        signOut();
        signIn("apprentice1");
        waitFor("me");
        String token = Stack.passwordToken("platform-web", "apprentice1");
        List<Map<String, Object>> mine = all(token, "/api/v1/apprentices");
        assertFalse(mine.isEmpty(), "apprentice1 has a record");
        for (Map<String, Object> a : mine) {
            Map<String, Object> summary = api(token, "/api/v1/apprentices/" + a.get("id") + "/off-the-job/summary");
            assertEquals(hours(summary.get("approvedHours")), figure("me-approved-" + a.get("id")), "approved hours");
            Map<String, Object> coverage = api(token, "/api/v1/apprentices/" + a.get("id") + "/coverage");
            assertEquals(
                    coverage.get("coveredKsbs") + " of " + coverage.get("totalKsbs"),
                    figure("me-covered-" + a.get("id")));
        }
        check("apprentice-me");

        // Another apprentice's record: the API answers 404 to this token, and the dashboard says so.
        given().auth().oauth2(token).get("/api/v1/apprentices/" + other).then().statusCode(404);
        browser.get(DASHBOARD + "#/apprentice/" + other);
        browser.navigate().refresh();
        WebElement problem =
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=problem]")));
        assertEquals("404", problem.getAttribute("data-status"));
        assertFalse(browser.getPageSource().contains(other + "/coverage"), "nothing of the other record is shown");
        shot("apprentice-other-refused");
        axe("apprentice-other-refused");

        signOut();
        signIn("employer1");
        waitFor("employer");
        String employer = Stack.passwordToken("platform-web", "employer1");
        assertEquals(count(all(employer, "/api/v1/apprentices").size()), figure("employer-apprentices"));
        check("employer");
    }

    @Test
    @Order(6)
    void aRoleTheApiRefusesIsToldItHasNoAccessNotShownABlankPage() throws Exception {
        String tutor = Stack.passwordToken("platform-web", "tutor1");
        String someone = all(tutor, "/api/v1/apprentices").stream()
                .map(a -> (String) a.get("id"))
                .findFirst()
                .orElseThrow();
        signOut();
        // regulator1: a real user of the realm whose role evidence-service grants nothing (its AccessRules).
        browser.get(DASHBOARD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        browser.findElement(By.id("username")).sendKeys("regulator1");
        browser.findElement(By.id("password")).sendKeys("regulator1-dev");
        browser.findElement(By.id("kc-login")).click();
        wait.until(d -> d.getCurrentUrl().startsWith(DASHBOARD)
                && d.findElement(By.id("view")).getText().contains("No dashboard for your role"));
        assertTrue(browser.findElement(By.id("service-nav")).getAttribute("hidden") != null, "no views to offer");
        shot("regulator-no-dashboard");
        axe("regulator-no-dashboard");

        // The API refuses the regulator an apprentice's record (403, not 404: the role has no such permission).
        String token = Stack.passwordToken("platform-web", "regulator1");
        given().auth()
                .oauth2(token)
                .get("/api/v1/apprentices/" + someone)
                .then()
                .statusCode(403);
        browser.get(DASHBOARD + "#/apprentice/" + someone);
        browser.navigate().refresh();
        WebElement problem =
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=problem]")));
        assertEquals("403", problem.getAttribute("data-status"));
        assertTrue(problem.getText().contains("You do not have access to this"), problem.getText());
        assertTrue(problem.getText().contains("(403)"), problem.getText());
        assertEquals("apprentice:problem", browser.findElement(By.id("view")).getAttribute("data-loaded"));
        assertFalse(browser.getPageSource().contains(someone + "/coverage"), "nothing of the record is shown");
        shot("problem-forbidden");
        axe("problem-forbidden");
        signOut();
    }

    // ------------------------------------------------------------------------------------------------ helpers --

    private static void signIn(String user) {
        browser.get(DASHBOARD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertTrue(browser.getCurrentUrl().startsWith(Stack.KEYCLOAK), "Keycloak's own login page");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(user + "-dev");
        browser.findElement(By.id("kc-login")).click();
        wait.until(d ->
                d.getCurrentUrl().startsWith(DASHBOARD) && !d.getCurrentUrl().contains("code="));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#view[data-loaded]")));
    }

    private static void signOut() {
        browser.get(DASHBOARD);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("logout"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
    }

    private static void open(String view) {
        browser.get(DASHBOARD + "#/" + view);
        waitFor(view);
    }

    private static void waitFor(String view) {
        wait.until(d -> {
            String loaded = d.findElement(By.id("view")).getAttribute("data-loaded");
            if (loaded != null && loaded.equals(view + ":problem")) {
                throw new AssertionError("the " + view + " view shows a problem: "
                        + d.findElement(By.id("view")).getText());
            }
            return view.equals(loaded);
        });
    }

    private static WebElement active() {
        return browser.switchTo().activeElement();
    }

    private static String figure(String id) {
        return browser.findElement(By.cssSelector("[data-testid=" + id + "]")).getText();
    }

    private static void check(String name) throws IOException {
        shot(name);
        axe(name);
    }

    private static void shot(String name) throws IOException {
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(SHOTS.resolve(name + ".png"), png);
    }

    /** axe-core in the page: WCAG 2.0-2.2 A and AA rules; no serious or critical violation. */
    @SuppressWarnings("unchecked")
    private static void axe(String name) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(axeSource);
        List<Map<String, Object>> violations =
                (List<Map<String, Object>>) js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a',"
                        + " 'wcag21aa', 'wcag22aa']}}).then(r => done(r.violations.map(v => ({id: v.id, impact:"
                        + " v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))))"
                        + ".catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e)}]));");
        List<Map<String, Object>> bad = new ArrayList<>();
        for (Map<String, Object> v : violations) {
            if ("serious".equals(v.get("impact")) || "critical".equals(v.get("impact"))) {
                bad.add(v);
            }
        }
        assertEquals(List.of(), bad, "axe-core: serious or critical violations in " + name);
    }

    private static Map<String, Object> api(String token, String path) {
        return given().auth()
                .oauth2(token)
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("");
    }

    private static List<Map<String, Object>> all(String token, String path) {
        List<Map<String, Object>> items = new ArrayList<>();
        String sep = path.contains("?") ? "&" : "?";
        for (int page = 0; ; page++) {
            JsonPath body = given().auth()
                    .oauth2(token)
                    .get(path + sep + "page=" + page + "&size=100")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            items.addAll(body.getList("items"));
            if (page + 1 >= body.getInt("totalPages")) {
                return items;
            }
        }
    }

    /** Figures as the dashboard writes them (en-GB: thousands separated by commas). */
    private static String count(long value) {
        return String.format(Locale.UK, "%,d", value);
    }

    private static String pct(double value) {
        return String.format(Locale.UK, "%,.1f%%", value);
    }

    private static String hours(Object value) {
        return String.format(Locale.UK, "%,.1f", ((Number) value).doubleValue());
    }
}
