package uk.apprenticeships.st1398.standards.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import uk.apprenticeships.st1398.platform.api.PageRequest;
import uk.apprenticeships.st1398.platform.api.PageResponse;
import uk.apprenticeships.st1398.platform.problem.ApiException;
import uk.apprenticeships.st1398.standards.api.StandardRequest;
import uk.apprenticeships.st1398.standards.api.StandardResponse;
import uk.apprenticeships.st1398.standards.api.StandardSummary;
import uk.apprenticeships.st1398.standards.config.StandardsError;
import uk.apprenticeships.st1398.standards.domain.Standard;
import uk.apprenticeships.st1398.standards.mapping.StandardMapper;
import uk.apprenticeships.st1398.standards.repository.StandardRepository;

@ApplicationScoped
public class StandardService {

    private final StandardRepository standards;
    private final Clock clock;

    public StandardService(StandardRepository standards, Clock clock) {
        this.standards = standards;
        this.clock = clock;
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
        StandardMapper.apply(request, standard);
        standard.updatedAt = now();
        Log.infof("Updated standard %s", standard.reference);
        return StandardMapper.toResponse(standard);
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
