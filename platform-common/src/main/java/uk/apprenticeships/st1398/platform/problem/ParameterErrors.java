package uk.apprenticeships.st1398.platform.problem;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Names the path or query parameter that could not be read as its declared type ({@code page=abc}, a malformed
 * date), so the client gets {@code 400 parameter-invalid} instead of the {@code 404} JAX-RS prescribes.
 */
final class ParameterErrors {

    private ParameterErrors() {}

    static Problem problem(Method method, UriInfo uri, String instance, String requestId) {
        List<Problem.Violation> violations = new ArrayList<>();
        for (Parameter parameter : method.getParameters()) {
            if (parameter.isAnnotationPresent(BeanParam.class)) {
                // Paging and other parameter groups: their fields carry the @QueryParam names.
                for (Class<?> c = parameter.getType(); c != null && c != Object.class; c = c.getSuperclass()) {
                    for (Field field : c.getDeclaredFields()) {
                        check(field, field.getType(), uri, violations);
                    }
                }
            } else {
                check(parameter, parameter.getType(), uri, violations);
            }
        }
        String detail = violations.isEmpty()
                ? "A path or query parameter cannot be read as its declared type; see /q/openapi."
                : violations.size() == 1
                        ? "Parameter '" + violations.get(0).field() + "' "
                                + violations.get(0).message() + "."
                        : violations.size() + " parameters cannot be read; see violations.";
        return new Problem(PlatformError.PARAMETER_INVALID, detail, instance, requestId, violations, null);
    }

    private static void check(
            AnnotatedElement element, Class<?> type, UriInfo uri, List<Problem.Violation> violations) {
        QueryParam query = element.getAnnotation(QueryParam.class);
        PathParam path = element.getAnnotation(PathParam.class);
        String name = query != null ? query.value() : path != null ? path.value() : null;
        if (name == null || uri == null || type == List.class || type == java.util.Set.class) {
            return;
        }
        Map<String, List<String>> values = query != null ? uri.getQueryParameters() : uri.getPathParameters();
        List<String> given = values.get(name);
        if (given == null) {
            return;
        }
        for (String value : given) {
            if (!converts(type, value)) {
                violations.add(new Problem.Violation(name, "cannot be read as " + describe(type), value));
                return;
            }
        }
    }

    static boolean converts(Class<?> type, String value) {
        try {
            if (type == String.class) {
                return true;
            }
            if (type == int.class || type == Integer.class) {
                Integer.parseInt(value.trim());
            } else if (type == long.class || type == Long.class) {
                Long.parseLong(value.trim());
            } else if (type == boolean.class || type == Boolean.class) {
                return "true".equalsIgnoreCase(value) || "false".equalsIgnoreCase(value);
            } else if (type == double.class || type == Double.class) {
                Double.parseDouble(value.trim());
            } else if (type.isEnum()) {
                for (Object constant : type.getEnumConstants()) {
                    if (((Enum<?>) constant).name().equals(value)) {
                        return true;
                    }
                }
                return false;
            } else {
                return invokeFactory(type, value);
            }
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean invokeFactory(Class<?> type, String value) {
        for (String factory : List.of("fromString", "valueOf", "parse")) {
            try {
                Method m = type.getMethod(factory, CharSequence.class);
                return attempt(m, value);
            } catch (NoSuchMethodException e) {
                // try the String variant
            }
            try {
                Method m = type.getMethod(factory, String.class);
                return attempt(m, value);
            } catch (NoSuchMethodException e) {
                // next factory
            }
        }
        return true;
    }

    private static boolean attempt(Method factory, String value) {
        if (!Modifier.isStatic(factory.getModifiers())) {
            return true;
        }
        try {
            factory.invoke(null, value);
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    private static String describe(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            List<String> names = new ArrayList<>();
            for (Object c : type.getEnumConstants()) {
                names.add(((Enum<?>) c).name());
            }
            return "one of " + names;
        }
        return switch (type.getSimpleName()) {
            case "LocalDate" -> "a date (YYYY-MM-DD)";
            case "Instant", "OffsetDateTime" -> "a date-time (RFC 3339, e.g. 2026-01-31T09:00:00Z)";
            case "UUID" -> "a UUID";
            default -> "a " + type.getSimpleName();
        };
    }
}
