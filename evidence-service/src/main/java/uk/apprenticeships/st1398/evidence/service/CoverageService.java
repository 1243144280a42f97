package uk.apprenticeships.st1398.evidence.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.types.ObjectId;
import uk.apprenticeships.st1398.evidence.api.ApprenticeCoverageResponse;
import uk.apprenticeships.st1398.evidence.api.ApprenticeCoverageSummary;
import uk.apprenticeships.st1398.evidence.api.CohortCoverageResponse;
import uk.apprenticeships.st1398.evidence.api.CohortCoverageResponse.KsbCohortCoverage;
import uk.apprenticeships.st1398.evidence.api.KsbCoverageResponse;
import uk.apprenticeships.st1398.evidence.api.ProviderCoverageResponse;
import uk.apprenticeships.st1398.evidence.client.KsbCatalogue;
import uk.apprenticeships.st1398.evidence.domain.Apprentice;
import uk.apprenticeships.st1398.evidence.domain.KsbCoverage;
import uk.apprenticeships.st1398.evidence.repository.ApprenticeRepository;
import uk.apprenticeships.st1398.evidence.repository.CoverageSummaryRepository.KsbTally;
import uk.apprenticeships.st1398.evidence.repository.CoverageSummaryRepository.Tally;
import uk.apprenticeships.st1398.platform.api.PageRequest;

/**
 * KSB coverage: which KSBs of an apprentice's standard version their evidence covers. The KSB list comes from
 * standards-service (so KSBs nobody has evidenced appear as gaps); the counts come from the apprentices' coverage
 * summaries, kept on write ({@link CoverageSummaries}).
 * A KSB is covered when at least one accepted item maps it, in progress when only draft, submitted or
 * referred-back items map it, and a gap otherwise. Evidence is counted with its current status: while accepted
 * evidence is being revised (a new draft revision) it counts as in progress until accepted again.
 */
@ApplicationScoped
public class CoverageService {

    private final ApprenticeRepository apprentices;
    private final CoverageSummaries summaries;
    private final KsbCatalogue catalogue;
    private final Stamps stamps;

    public CoverageService(
            ApprenticeRepository apprentices, CoverageSummaries summaries, KsbCatalogue catalogue, Stamps stamps) {
        this.stamps = stamps;
        this.apprentices = apprentices;
        this.summaries = summaries;
        this.catalogue = catalogue;
    }

    public ApprenticeCoverageResponse forApprentice(String id) {
        Apprentice a = ApprenticeAccess.visible(apprentices, stamps.caller(), id);
        Set<String> codes = catalogue.codes(a.standardVersion);
        Tally tally = summaries.current(a.id, a.providerUkprn, a.standardVersion);
        List<KsbCoverageResponse> ksbs = new ArrayList<>();
        List<String> gaps = new ArrayList<>();
        int covered = 0;
        int inProgress = 0;
        for (String code : codes) {
            KsbTally n = tally.ksbs().getOrDefault(code, new KsbTally(code, 0, 0, null));
            KsbCoverage status = KsbCoverage.of(n.accepted(), n.inProgress());
            switch (status) {
                case COVERED -> covered++;
                case IN_PROGRESS -> inProgress++;
                case GAP -> gaps.add(code);
            }
            ksbs.add(new KsbCoverageResponse(code, status, n.accepted(), n.inProgress(), n.latestAcceptedAt()));
        }
        return new ApprenticeCoverageResponse(
                a.id.toHexString(),
                a.standardVersion,
                codes.size(),
                covered,
                inProgress,
                percentage(covered, codes.size()),
                gaps,
                ksbs);
    }

    /**
     * Tutors and LMS clients see only their own provider; another provider answers 404 like an unknown one. The
     * cohort's figures come from one document kept on write, the page's from their apprentices' summaries
     * ({@link CoverageSummaries#cohort}), not from their evidence.
     */
    public ProviderCoverageResponse forProvider(String ukprn, String standardVersion, PageRequest page) {
        ApprenticeAccess.requireProvider(stamps.caller(), ukprn);
        Set<String> codes = catalogue.codes(standardVersion);
        ApprenticeRepository.Filter cohort = new ApprenticeRepository.Filter(ukprn, null, null, null, standardVersion);
        long total = apprentices.count(cohort);
        List<Apprentice> onPage = apprentices.list(cohort, page);
        CoverageSummaries.Cohort cohortCoverage = summaries.cohort(
                ukprn, standardVersion, onPage.stream().map(a -> a.id).collect(Collectors.toSet()));
        Map<ObjectId, Tally> summaryOf = cohortCoverage.kept();

        List<ApprenticeCoverageSummary> items = onPage.stream()
                .map(a -> {
                    Tally t = summaryOf.getOrDefault(a.id, Tally.EMPTY);
                    int covered = among(t.covered(), codes);
                    int evidenced = among(t.evidenced(), codes);
                    return new ApprenticeCoverageSummary(
                            a.id.toHexString(),
                            a.givenName,
                            a.familyName,
                            a.uln,
                            a.status,
                            covered,
                            evidenced - covered,
                            codes.size() - evidenced,
                            percentage(covered, codes.size()));
                })
                .toList();

        Map<String, Long> perKsb = new HashMap<>();
        long coveredPairs = 0;
        for (String code : codes) {
            long apprenticesCovering = cohortCoverage.coveredBy().getOrDefault(code, 0L);
            perKsb.put(code, apprenticesCovering);
            coveredPairs += apprenticesCovering;
        }
        // The mean of the apprentices' percentages is the covered (apprentice, KSB) pairs over all pairs.
        double average =
                total == 0 || codes.isEmpty() ? 0.0 : round(100.0 * coveredPairs / ((double) total * codes.size()));
        CohortCoverageResponse aggregate = new CohortCoverageResponse(
                total,
                average,
                codes.stream()
                        .map(c -> new KsbCohortCoverage(c, perKsb.getOrDefault(c, 0L)))
                        .toList());
        int totalPages = (int) ((total + page.size() - 1) / page.size());
        Log.debugf("Coverage of provider %s on %s: %d apprentices", ukprn, standardVersion, total);
        return new ProviderCoverageResponse(
                ukprn, standardVersion, codes.size(), aggregate, items, page.page(), page.size(), total, totalPages);
    }

    private static int among(Set<String> found, Set<String> codes) {
        int n = 0;
        for (String code : found) {
            if (codes.contains(code)) {
                n++;
            }
        }
        return n;
    }

    static double percentage(int covered, int total) {
        return total == 0 ? 0.0 : round(100.0 * covered / total);
    }

    private static double round(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }
}
