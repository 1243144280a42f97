package uk.apprenticeships.st1398.standards.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import uk.apprenticeships.st1398.platform.api.PageRequest;
import uk.apprenticeships.st1398.platform.api.PageResponse;
import uk.apprenticeships.st1398.platform.problem.ApiException;
import uk.apprenticeships.st1398.standards.api.StandardRequest;
import uk.apprenticeships.st1398.standards.api.StandardResponse;
import uk.apprenticeships.st1398.standards.api.StandardSummary;
import uk.apprenticeships.st1398.standards.config.StandardsError;
import uk.apprenticeships.st1398.standards.domain.Standard;
import uk.apprenticeships.st1398.standards.events.StandardsEvents;
import uk.apprenticeships.st1398.standards.mapping.StandardMapper;
import uk.apprenticeships.st1398.standards.repository.StandardRepository;

@ApplicationScoped
public class StandardService {

    private final StandardRepository standards;
    private final Clock clock;
    private final StandardsEvents events;

    public StandardService(StandardRepository standards, Clock clock, StandardsEvents events) {
        this.standards = standards;
        this.clock = clock;
        this.events = events;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResponse<StandardSummary> search(StandardRepository.Filter filter, PageRequest page) {
        return PageResponse.of(
                standards.search(filter, page), StandardMapper::toSummary, page, standards.count(filter));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public StandardResponse get(String reference) {
        return StandardMapper.toResponse(find(reference));
    }

    @Transactional
    public StandardResponse create(StandardRequest request) {
        if (standards.findByIdOptional(request.reference()).isPresent()) {
            throw ApiException.of(
                    StandardsError.REFERENCE_EXISTS,
                    "Standard " + request.reference() + " already exists; use PUT to change it.");
        }
        Standard standard = new Standard();
        standard.reference = request.reference();
        StandardMapper.apply(request, standard);
        standard.createdAt = now();
        standard.updatedAt = standard.createdAt;
        standards.persist(standard);
        events.standardChanged(standard, "created", changed(Map.of(), fields(standard)));
        Log.infof("Created standard %s", standard.reference);
        return StandardMapper.toResponse(standard);
    }

    @Transactional
    public StandardResponse update(String reference, StandardRequest request) {
        if (!reference.equals(request.reference())) {
            throw ApiException.invalid(
                    "reference",
                    "must match the reference in the path (" + reference + "); references cannot be changed");
        }
        Standard standard = find(reference);
        Map<String, Object> before = fields(standard);
        StandardMapper.apply(request, standard);
        List<String> changed = changed(before, fields(standard));
        if (changed.isEmpty()) {
            // Nothing changed: nothing is written and no event recorded (updatedAt stays).
            return StandardMapper.toResponse(standard);
        }
        standard.updatedAt = now();
        events.standardChanged(standard, "updated", changed);
        Log.infof("Updated standard %s: %s", standard.reference, changed);
        return StandardMapper.toResponse(standard);
    }

    /** The fields a request sets ({@link StandardMapper#apply}), by name, for telling which of them changed. */
    private static Map<String, Object> fields(Standard s) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("title", s.title);
        fields.put("level", s.level);
        fields.put("route", s.route);
        fields.put("larsCode", s.larsCode);
        fields.put("typicalDurationMonths", s.typicalDurationMonths);
        fields.put("maxFunding", s.maxFunding);
        fields.put("eqaProvider", s.eqaProvider);
        fields.put("regulatedBody", s.regulatedBody);
        fields.put("overview", s.overview);
        fields.put("typicalJobTitles", s.typicalJobTitles == null ? List.of() : List.copyOf(s.typicalJobTitles));
        fields.put("standardPageUrl", s.standardPageUrl);
        return fields;
    }

    /** Names of the fields whose value differs (a field absent before counts as changed when it now has one). */
    private static List<String> changed(Map<String, Object> before, Map<String, Object> after) {
        return after.entrySet().stream()
                .filter(e -> !Objects.equals(before.get(e.getKey()), e.getValue())
                        && !(before.isEmpty() && isEmpty(e.getValue())))
                .map(Map.Entry::getKey)
                .toList();
    }

    private static boolean isEmpty(Object value) {
        return value == null || value instanceof List<?> l && l.isEmpty();
    }

    private Standard find(String reference) {
        return standards
                .findByIdOptional(reference)
                .orElseThrow(() -> ApiException.of(
                        StandardsError.STANDARD_NOT_FOUND, "No standard with reference " + reference + "."));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
