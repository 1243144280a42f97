package uk.apprenticeships.st1398.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ParameterErrorsTest {

    enum Kind {
        K,
        S,
        B
    }

    public static class Paging {
        @QueryParam("page")
        int page;

        @QueryParam("size")
        Integer size;
    }

    @SuppressWarnings("unused")
    public void list(
            @PathParam("id") UUID id,
            @QueryParam("from") LocalDate from,
            @QueryParam("kind") Kind kind,
            @QueryParam("tag") List<String> tags,
            @BeanParam Paging paging) {}

    @Test
    void convertsWhatJaxRsConverts() {
        assertTrue(ParameterErrors.converts(String.class, "anything"));
        assertTrue(ParameterErrors.converts(int.class, "42"));
        assertFalse(ParameterErrors.converts(int.class, "abc"));
        assertFalse(ParameterErrors.converts(Integer.class, "99999999999"));
        assertTrue(ParameterErrors.converts(Long.class, "99999999999"));
        assertTrue(ParameterErrors.converts(boolean.class, "TRUE"));
        assertFalse(ParameterErrors.converts(Boolean.class, "yes"));
        assertTrue(ParameterErrors.converts(double.class, "1.5"));
        assertTrue(ParameterErrors.converts(Kind.class, "K"));
        assertFalse(ParameterErrors.converts(Kind.class, "k"));
        assertTrue(ParameterErrors.converts(LocalDate.class, "2026-01-31"));
        assertFalse(ParameterErrors.converts(LocalDate.class, "2026-02-31"));
        assertTrue(ParameterErrors.converts(UUID.class, UUID.randomUUID().toString()));
        assertFalse(ParameterErrors.converts(UUID.class, "K3"));
        assertTrue(ParameterErrors.converts(Instant.class, "2026-01-31T09:00:00Z"));
        assertFalse(ParameterErrors.converts(Instant.class, "yesterday"));
    }

    @Test
    void namesEachUnreadableParameterIncludingThoseOfABeanParam() throws Exception {
        Method list = getClass().getMethod("list", UUID.class, LocalDate.class, Kind.class, List.class, Paging.class);
        MultivaluedMap<String, String> query = new MultivaluedHashMap<>();
        query.add("from", "31/01/2026");
        query.add("kind", "X");
        query.add("tag", "whatever");
        query.add("page", "abc");
        query.add("size", "20");
        MultivaluedMap<String, String> path = new MultivaluedHashMap<>();
        path.add("id", "not-a-uuid");
        Problem problem = ParameterErrors.problem(list, uri(query, path), "/things/not-a-uuid", "r1");
        assertEquals(400, problem.getStatus());
        assertEquals("parameter-invalid", problem.getCode());
        assertEquals(
                List.of("id", "from", "kind", "page"),
                problem.getViolations().stream().map(Problem.Violation::field).toList());
        assertEquals("abc", problem.getViolations().get(3).rejectedValue());
        assertEquals(
                "cannot be read as a whole number",
                problem.getViolations().get(3).message());
        assertEquals(
                "cannot be read as one of [K, S, B]",
                problem.getViolations().get(2).message());
    }

    @Test
    void oneUnreadableParameterIsNamedInTheDetail() throws Exception {
        Method list = getClass().getMethod("list", UUID.class, LocalDate.class, Kind.class, List.class, Paging.class);
        MultivaluedMap<String, String> query = new MultivaluedHashMap<>();
        query.add("page", "abc");
        Problem problem = ParameterErrors.problem(list, uri(query, new MultivaluedHashMap<>()), "/things", "r1");
        assertEquals("Parameter 'page' cannot be read as a whole number.", problem.getDetail());
    }

    private static UriInfo uri(MultivaluedMap<String, String> query, MultivaluedMap<String, String> path) {
        return (UriInfo) Proxy.newProxyInstance(
                UriInfo.class.getClassLoader(),
                new Class<?>[] {UriInfo.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getQueryParameters" -> query;
                    case "getPathParameters" -> path;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
