package uk.apprenticeships.st1398.platform.api;

import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list. Pages are numbered from 0; the order is stable for a given query. */
@Schema(description = "One page of results. Pages are numbered from 0; the order is stable for the same query.")
public record PageResponse<T>(
        @Schema(description = "The items on this page") List<T> items,

        @Schema(description = "Zero-based page number", example = "0")
        int page,

        @Schema(description = "Page size used", example = "20")
        int size,

        @Schema(description = "Total number of items matching the query")
        long totalItems,

        @Schema(description = "Total number of pages") int totalPages) {

    public static <E, T> PageResponse<T> of(
            List<E> entities, Function<E, T> mapper, PageRequest request, long totalItems) {
        int totalPages = (int) ((totalItems + request.size() - 1) / request.size());
        return new PageResponse<>(
                entities.stream().map(mapper).toList(), request.page(), request.size(), totalItems, totalPages);
    }
}
