package uk.apprenticeships.st1398.assessment.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import uk.apprenticeships.st1398.platform.problem.ApiException;
import uk.apprenticeships.st1398.platform.problem.Problem;

/**
 * DfE-style batches (certificates, EPA records): arrays of up to {@value #MAX_BATCH} items, each with a client
 * requestId, answered item by item. Each item runs in its own transaction, so a batch is atomic per item: a refused
 * item changes nothing and does not stop the others.
 */
public final class Batches {

    public static final int MAX_BATCH = 25;

    /** Builds one item's answer: the outcome on success, or the refusal's status, code and validation errors. */
    public interface Answer<R, O> {
        R answer(String requestId, int status, String code, O outcome, List<Problem.Violation> validationErrors);
    }

    private Batches() {}

    /** Refuses the whole batch (400, nothing processed) when it is empty, too long or its requestIds are not unique. */
    public static <T> void check(List<T> batch, Function<T, String> requestId) {
        if (batch == null || batch.isEmpty()) {
            throw ApiException.invalid("request", "must be a JSON array of 1 to " + MAX_BATCH + " items");
        }
        if (batch.size() > MAX_BATCH) {
            throw ApiException.invalid(
                    "request",
                    "has " + batch.size() + " items; a batch takes at most " + MAX_BATCH + " (nothing was processed)");
        }
        List<Problem.Violation> violations = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < batch.size(); i++) {
            String id = batch.get(i) == null ? null : requestId.apply(batch.get(i));
            if (id == null || id.isBlank() || id.length() > 64) {
                violations.add(new Problem.Violation("[" + i + "].requestId", "is required, 1 to 64 characters"));
            } else if (!seen.add(id)) {
                violations.add(new Problem.Violation("[" + i + "].requestId", "is repeated in this batch"));
            }
        }
        if (!violations.isEmpty()) {
            throw ApiException.invalid("Every item needs its own requestId (nothing was processed).", violations);
        }
    }

    /** Checks the batch, then runs each item in its own transaction and turns a refusal into that item's answer. */
    public static <T, O, R> List<R> run(
            List<T> batch,
            Function<T, String> requestId,
            int successStatus,
            Function<T, O> action,
            Answer<R, O> answer) {
        check(batch, requestId);
        List<R> results = new ArrayList<>();
        for (T item : batch) {
            try {
                O done = QuarkusTransaction.requiringNew().call(() -> action.apply(item));
                results.add(answer.answer(requestId.apply(item), successStatus, null, done, List.of()));
            } catch (ApiException e) {
                List<Problem.Violation> errors = e.violations().isEmpty()
                        ? List.of(new Problem.Violation(null, e.getMessage()))
                        : e.violations();
                results.add(answer.answer(
                        requestId.apply(item), e.status(), e.code().code(), null, errors));
            }
        }
        return results;
    }
}
