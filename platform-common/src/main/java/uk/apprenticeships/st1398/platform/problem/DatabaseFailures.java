package uk.apprenticeships.st1398.platform.problem;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Tells "the database cannot be reached" apart from every other failure, without platform-common depending on a
 * database driver: the cause chain is searched for the drivers' connection failures by class name (MongoDB) or by the
 * JDBC standard (connection SQLStates {@code 08xxx}, the connection exception types, and a pool's acquisition
 * timeout). A failure that is not about reaching the database (a constraint, a bad query) is never matched.
 */
public final class DatabaseFailures {

    /** MongoDB driver failures (and their subclasses) that mean no server could be used. */
    private static final Set<String> UNREACHABLE_TYPES = Set.of(
            "com.mongodb.MongoTimeoutException",
            "com.mongodb.MongoSocketException",
            "com.mongodb.MongoServerUnavailableException",
            "com.mongodb.MongoConnectionPoolClearedException",
            "com.mongodb.MongoNodeIsRecoveringException",
            // Hibernate's translation of a JDBC connection failure.
            "org.hibernate.exception.JDBCConnectionException");

    private DatabaseFailures() {}

    /** Whether {@code failure}, or anything in its cause chain, says the database cannot be reached now. */
    public static boolean unreachable(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (isUnreachable(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUnreachable(Throwable t) {
        for (Class<?> type = t.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            if (UNREACHABLE_TYPES.contains(type.getName())) {
                return true;
            }
        }
        if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
            return true;
        }
        if (t instanceof SQLException sql) {
            String state = sql.getSQLState();
            // SQLState class 08: connection exception (refused, lost, cannot be established).
            if (state != null && state.startsWith("08")) {
                return true;
            }
            // A connection pool (Agroal) that found no connection within its acquisition timeout.
            return sql.getCause() instanceof TimeoutException;
        }
        return false;
    }
}
