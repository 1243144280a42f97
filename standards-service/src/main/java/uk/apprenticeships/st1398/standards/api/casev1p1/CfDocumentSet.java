package uk.apprenticeships.st1398.standards.api.casev1p1;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CASE_CFDocumentSet", description = "A page of CFDocuments")
public record CfDocumentSet(@JsonProperty("CFDocuments") List<CfDocument> cfDocuments) {}
