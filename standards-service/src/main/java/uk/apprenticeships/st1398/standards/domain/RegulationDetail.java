package uk.apprenticeships.st1398.standards.domain;

/**
 * One entry of the feed's {@code regulationDetail}: a body that regulates the occupation, whether it has approved
 * the standard, and its web page. Stored as given (JSON on the version); any member may be null.
 */
public record RegulationDetail(String name, Boolean approved, String webLink) {}
