package uk.apprenticeships.st1398.evidence.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.apprenticeships.st1398.evidence.domain.Evidence;

/** The xAPI statement an item was made from (kind xapi-statement), and the result it reported. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "XapiOrigin")
public record XapiOriginResponse(
        @Schema(description = "The statement's id; GET /xapi/statements?statementId= reads it")
        String statementId,

        String verbId,
        String activityId,
        Boolean success,
        Boolean completion,
        Double scoreScaled,
        Double scoreRaw,
        Double scoreMin,
        Double scoreMax,

        @Schema(description = "ISO 8601 duration", example = "PT1H30M")
        String duration) {

    public static XapiOriginResponse of(Evidence.XapiOrigin o) {
        return o == null
                ? null
                : new XapiOriginResponse(
                        o.statementId,
                        o.verbId,
                        o.activityId,
                        o.success,
                        o.completion,
                        o.scoreScaled,
                        o.scoreRaw,
                        o.scoreMin,
                        o.scoreMax,
                        o.duration);
    }
}
