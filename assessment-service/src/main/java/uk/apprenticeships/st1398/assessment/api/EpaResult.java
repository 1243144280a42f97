package uk.apprenticeships.st1398.assessment.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.apprenticeships.st1398.platform.problem.Problem;

/** The answer for one item of an EPA batch: the record as it now stands, or why this item was refused. */
@Schema(name = "EpaResult")
public record EpaResult(
        @Schema(description = "The item's requestId") String requestId,

        @Schema(
                description = "HTTP-style status of this item: 201 created, 200 updated, 400 invalid, 404 no such "
                        + "learner or EPA record, 409 conflicts with the learner's EPA history, 422 a rule is broken",
                example = "201")
        int status,

        @Schema(
                description = "Why the item was refused, from the error catalogue (docs/errors.md); absent when it "
                        + "succeeded",
                example = "epa-history")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        String code,

        @Schema(description = "The server-assigned reference; absent when the item was refused", example = "00000001")
        String epaReference,

        @Schema(description = "The EPA details after the change; absent when the item was refused")
        EpaDetailsResponse epaDetails,

        @Schema(description = "Empty when the item succeeded")
        List<Problem.Violation> validationErrors) {

    public static EpaResult of(
            String requestId, int status, String code, EpaDetailsResponse details, List<Problem.Violation> errors) {
        return new EpaResult(requestId, status, code, details == null ? null : details.epaReference(), details, errors);
    }
}
