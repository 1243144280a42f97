package uk.apprenticeships.st1398.standards.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import uk.apprenticeships.st1398.standards.api.AssessmentPlanDocument;
import uk.apprenticeships.st1398.standards.config.StandardsConfig;
import uk.apprenticeships.st1398.standards.mapping.feed.FeedStandardVersion;

/**
 * Loads the catalogue bundled as data ({@code seed/manifest.json} and the feed documents it lists) on every start.
 * Nothing about any particular standard lives here: adding a standard means adding a document and a manifest entry.
 * A bundled document that cannot be read or is invalid stops the start-up, since it is a build defect.
 */
@ApplicationScoped
public class SeedLoader {

    private final FeedImporter importer;
    private final AssessmentPlanService plans;
    private final ObjectMapper json;
    private final Validator validator;
    private final StandardsConfig.Seed config;

    public SeedLoader(
            FeedImporter importer,
            AssessmentPlanService plans,
            ObjectMapper json,
            Validator validator,
            StandardsConfig config) {
        this.importer = importer;
        this.plans = plans;
        this.json = json;
        this.validator = validator;
        this.config = config.seed();
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            Log.info("Seed catalogue not loaded (standards.seed.enabled=false)");
            return;
        }
        load();
        loadAssessmentPlans();
    }

    /** Loads every document in the manifest; calling it again changes nothing that is already there. */
    public List<ImportResult> load() {
        SeedManifest manifest = read(config.manifest(), SeedManifest.class);
        return manifest.sources().stream()
                .map(entry -> importer.importVersion(document(directory() + entry.file()), entry.sourceInfo()))
                .toList();
    }

    /**
     * Stores each bundled assessment plan whose version has none yet (after {@link #load()}, which creates the
     * versions); a plan already there, seeded or set by an admin, is left as it is.
     *
     * @return the keys of the versions whose plan was stored now
     */
    public List<String> loadAssessmentPlans() {
        SeedManifest manifest = read(config.manifest(), SeedManifest.class);
        return manifest.assessmentPlansOrEmpty().stream()
                .filter(entry -> plans.seed(entry.reference(), entry.version(), plan(directory() + entry.file())))
                .map(entry -> entry.reference() + "_" + entry.version())
                .toList();
    }

    private String directory() {
        String manifestPath = config.manifest();
        return manifestPath.contains("/") ? manifestPath.substring(0, manifestPath.lastIndexOf('/') + 1) : "";
    }

    private AssessmentPlanDocument plan(String path) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Seed resource " + path + " is not on the classpath");
            }
            return plans.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read seed resource " + path, e);
        }
    }

    private FeedStandardVersion document(String path) {
        FeedStandardVersion feed = read(path, FeedStandardVersion.class);
        Set<ConstraintViolation<FeedStandardVersion>> violations = validator.validate(feed);
        if (!violations.isEmpty()) {
            throw new IllegalStateException("Seed document " + path + " is invalid: "
                    + violations.stream()
                            .map(v -> v.getPropertyPath() + " " + v.getMessage())
                            .sorted()
                            .collect(Collectors.joining("; ")));
        }
        return feed;
    }

    private <T> T read(String path, Class<T> type) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Seed resource " + path + " is not on the classpath");
            }
            return json.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read seed resource " + path, e);
        }
    }
}
