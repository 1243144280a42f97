package uk.apprenticeships.st1398.gateway.openapi;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The gateway's routes as the contract merger needs them: which area (route) serves a path, and which reads need no
 * token. Built from the same settings the proxy uses ({@code gateway.routes.*}), so the contract follows the routing.
 */
public record RouteTable(Map<String, Area> areas) implements ContractMerger.Routing {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    /** One route: its Vert.x path patterns, whether all its reads are public, and single public read paths. */
    public record Area(List<String> patterns, boolean publicReads, List<String> publicReadPaths) {}

    @Override
    public boolean routes(String area, String openApiPath) {
        Area a = areas.get(area);
        return a != null && a.patterns().stream().anyMatch(p -> matches(p, openApiPath));
    }

    @Override
    public boolean isPublic(String area, String method, String openApiPath) {
        Area a = areas.get(area);
        return a != null
                && SAFE.contains(method)
                && (a.publicReads() || a.publicReadPaths().contains(openApiPath));
    }

    /** Vert.x route semantics: a trailing {@code *} matches any rest, otherwise the path must be equal. */
    static boolean matches(String pattern, String path) {
        String p = pattern.strip();
        if (p.endsWith("*")) {
            return path.startsWith(p.substring(0, p.length() - 1));
        }
        return path.equals(p) || path.equals(p + "/");
    }
}
