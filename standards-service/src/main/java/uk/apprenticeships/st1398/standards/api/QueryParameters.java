package uk.apprenticeships.st1398.standards.api;

import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.regex.Pattern;
import uk.apprenticeships.st1398.platform.problem.ApiException;
import uk.apprenticeships.st1398.platform.problem.PlatformError;
import uk.apprenticeships.st1398.platform.problem.Problem;

/** Query parameters that need more than a type and a bean constraint to read. */
final class QueryParameters {

    /** 1 to 999,999,999: fits an int, no sign, no leading zero, no blanks. */
    private static final Pattern POSITIVE_INT = Pattern.compile("^[1-9]\\d{0,8}$");

    private QueryParameters() {}

    /**
     * A LARS code filter: absent is null; anything but a positive whole number ({@code abc}, {@code 0}, {@code -1},
     * {@code 1.5}, empty, given twice) is {@code 400 parameter-invalid} naming the parameter, like any parameter that
     * cannot be read as its type.
     */
    static Integer larsCode(String value, UriInfo uri) {
        List<String> given = uri.getQueryParameters().get("larsCode");
        if (given == null || given.isEmpty()) {
            return null;
        }
        // JAX-RS hands an empty value (larsCode=) over as null: it is still a filter, just not a valid one.
        String first = value == null ? given.get(0) : value;
        if (given.size() > 1) {
            String message = "must be given once";
            throw new ApiException(
                    PlatformError.PARAMETER_INVALID,
                    "Parameter 'larsCode' " + message + ".",
                    List.of(new Problem.Violation("larsCode", message, String.join(",", given))),
                    null);
        }
        value = first;
        if (!POSITIVE_INT.matcher(value).matches()) {
            String message = "must be a positive whole number (a LARS code such as 795)";
            throw new ApiException(
                    PlatformError.PARAMETER_INVALID,
                    "Parameter 'larsCode' " + message + ".",
                    List.of(new Problem.Violation("larsCode", message, value)),
                    null);
        }
        return Integer.valueOf(value);
    }
}
