package uk.apprenticeships.st1398.standards.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;

/** The CASE 1.1 export ({@code /ims/case/v1p1}). */
@ConfigMapping(prefix = "standards.case")
public interface CaseConfig {

    /**
     * Absolute base of every {@code uri} in the export, as clients reach it (normally through the gateway), ending
     * in {@code /ims/case/v1p1/}. CASE uris are identifiers other frameworks link to, so set the public address
     * in production rather than deriving it from each request's Host header.
     */
    @WithDefault("http://localhost:8080/ims/case/v1p1/")
    URI baseUri();
}
