package uk.apprenticeships.st1398.standards.api.casev1p1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A standard version as a CASE CFDocument; {@code CFPackageURI} only outside a package, as the binding has it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "CASE_CFDocument", description = "CASE 1.1 CFDocument: one version of an apprenticeship standard")
public record CfDocument(
        UUID identifier,
        String uri,
        String frameworkType,
        @Schema(example = "1.1") String caseVersion,
        @Schema(example = "Skills England") String creator,
        String title,
        @Schema(description = "RFC 3339 date-time") String lastChangeDateTime,
        @JsonProperty("officialSourceURL") String officialSourceUrl,
        String description,
        List<String> subject,
        @Schema(example = "en") String language,
        @Schema(example = "1.0") String version,

        @Schema(description = "Adopted, Draft or Deprecated, from the Skills England status", example = "Adopted")
        String adoptionStatus,

        LocalDate statusStartDate,
        String notes,
        CfDocumentExtensions extensions,
        @JsonProperty("CFPackageURI") CfLinkUri cfPackageUri) {

    public CfDocument withPackageUri(CfLinkUri packageUri) {
        return new CfDocument(
                identifier,
                uri,
                frameworkType,
                caseVersion,
                creator,
                title,
                lastChangeDateTime,
                officialSourceUrl,
                description,
                subject,
                language,
                version,
                adoptionStatus,
                statusStartDate,
                notes,
                extensions,
                packageUri);
    }
}
