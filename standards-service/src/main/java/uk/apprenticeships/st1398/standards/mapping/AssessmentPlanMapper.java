package uk.apprenticeships.st1398.standards.mapping;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.apprenticeships.st1398.standards.api.AssessmentPlanDocument;
import uk.apprenticeships.st1398.standards.api.AssessmentPlanDocument.GradeCombination;
import uk.apprenticeships.st1398.standards.api.AssessmentPlanDocument.GradeCombinations;
import uk.apprenticeships.st1398.standards.api.AssessmentPlanDocument.Method;
import uk.apprenticeships.st1398.standards.api.AssessmentPlanResponse;

/** A stored plan document to its response. */
public final class AssessmentPlanMapper {

    private AssessmentPlanMapper() {}

    public static AssessmentPlanResponse toResponse(
            String reference, String versionNumber, AssessmentPlanDocument plan, OffsetDateTime updatedAt) {
        List<String> unconfirmed = unconfirmed(plan);
        return new AssessmentPlanResponse(
                reference + "_" + versionNumber,
                reference,
                versionNumber,
                unconfirmed.isEmpty(),
                unconfirmed,
                updatedAt,
                plan.sourceNote(),
                plan.assessmentPeriod(),
                plan.methods(),
                inMethodOrder(plan),
                plan.gateway(),
                plan.resitRetake(),
                plan.offTheJob());
    }

    /** The sections and items whose {@code confirmed} is false, as paths into the document. */
    static List<String> unconfirmed(AssessmentPlanDocument plan) {
        List<String> paths = new ArrayList<>();
        add(paths, "assessmentPeriod", plan.assessmentPeriod().confirmed());
        add(paths, "methods", plan.methods().confirmed());
        add(paths, "gradeCombinations", plan.gradeCombinations().confirmed());
        add(paths, "gateway", plan.gateway().confirmed());
        for (int i = 0; i < plan.gateway().requirements().size(); i++) {
            AssessmentPlanDocument.GatewayRequirement requirement =
                    plan.gateway().requirements().get(i);
            add(paths, "gateway.requirements[" + i + "]", requirement.confirmed());
            if (requirement.ksbCoverage() != null) {
                add(
                        paths,
                        "gateway.requirements[" + i + "].ksbCoverage",
                        requirement.ksbCoverage().confirmed());
            }
        }
        if (plan.gateway().minimumTimeInLearning() != null) {
            add(
                    paths,
                    "gateway.minimumTimeInLearning",
                    plan.gateway().minimumTimeInLearning().confirmed());
        }
        add(paths, "resitRetake", plan.resitRetake().confirmed());
        add(paths, "offTheJob", plan.offTheJob().confirmed());
        for (int i = 0; i < plan.offTheJob().rules().size(); i++) {
            add(
                    paths,
                    "offTheJob.rules[" + i + "]",
                    plan.offTheJob().rules().get(i).confirmed());
        }
        return paths;
    }

    private static void add(List<String> paths, String path, Boolean confirmed) {
        if (!Boolean.TRUE.equals(confirmed)) {
            paths.add(path);
        }
    }

    /** JSONB keeps object members in its own order; rows read back list their grades in the methods' order. */
    private static GradeCombinations inMethodOrder(AssessmentPlanDocument plan) {
        GradeCombinations table = plan.gradeCombinations();
        List<GradeCombination> rows = table.rows().stream()
                .map(row -> {
                    Map<String, String> ordered = new LinkedHashMap<>();
                    for (Method method : plan.methods().items()) {
                        ordered.put(method.code(), row.methodGrades().get(method.code()));
                    }
                    return new GradeCombination(ordered, row.overallGrade());
                })
                .toList();
        return new GradeCombinations(table.confirmed(), table.source(), table.overallGrades(), rows);
    }
}
