/**
 * The 1EdTech CASE 1.1 view of the catalogue: response records shaped exactly as the official CFPackage JSON
 * schema ({@code case_v1p1_cfpackage-jsonschema1.json}) and the CASE REST binding. Field names follow the
 * specification (CFItemType, CFDocumentURI...), so several components carry an explicit {@code @JsonProperty}.
 * Absent optional fields are left out rather than sent as null: the schema types every field, and null is not a
 * string.
 */
package uk.apprenticeships.st1398.standards.api.casev1p1;
