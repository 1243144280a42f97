package uk.apprenticeships.st1398.assessment.domain;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A gateway submission's status, derived from its components' decisions: submitted until every component is
 * accepted (accepted) or one is rejected (rejected); both are final.
 */
public enum GatewaySubmissionStatus {
    submitted,
    accepted,
    rejected;

    public Set<GatewaySubmissionStatus> next() {
        return this == submitted ? EnumSet.of(accepted, rejected) : EnumSet.noneOf(GatewaySubmissionStatus.class);
    }

    public boolean canMoveTo(GatewaySubmissionStatus target) {
        return next().contains(target);
    }

    /** The status of a submission of {@code components} components given the decisions made so far. */
    public static GatewaySubmissionStatus of(int components, List<ComponentDecision> decisions) {
        if (decisions.contains(ComponentDecision.rejected)) {
            return rejected;
        }
        long accepted =
                decisions.stream().filter(d -> d == ComponentDecision.accepted).count();
        return accepted == components ? GatewaySubmissionStatus.accepted : submitted;
    }
}
