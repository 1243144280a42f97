package uk.apprenticeships.st1398.platform.problem;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoServerUnavailableException;
import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoSocketReadTimeoutException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import jakarta.persistence.PersistenceException;
import java.io.IOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.TimeoutException;
import org.bson.BsonDocument;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

/** The drivers' own exceptions, as they reach the problem mapper (often wrapped). */
class DatabaseFailuresTest {

    private static final ServerAddress MONGO = new ServerAddress("localhost", 17017);

    @Test
    void mongoDriverFailuresToReachAServerAreUnreachable() {
        assertTrue(DatabaseFailures.unreachable(new MongoTimeoutException(
                "Timed out while waiting for a server that matches ReadPreferenceServerSelector")));
        assertTrue(DatabaseFailures.unreachable(
                new MongoSocketOpenException("Exception opening socket", MONGO, new ConnectException("refused"))));
        assertTrue(DatabaseFailures.unreachable(new MongoSocketReadTimeoutException(
                "Timeout while receiving message", MONGO, new IOException("timed out"))));
        assertTrue(DatabaseFailures.unreachable(new MongoServerUnavailableException("closed")));
        // wrapped, as a repository or an interceptor may do
        assertTrue(DatabaseFailures.unreachable(
                new IllegalStateException("could not list", new MongoTimeoutException("Timed out"))));
    }

    @Test
    void jdbcConnectionFailuresAreUnreachable() {
        PSQLException refused =
                new PSQLException("Connection to localhost:15432 refused.", PSQLState.CONNECTION_UNABLE_TO_CONNECT);
        assertTrue(DatabaseFailures.unreachable(refused));
        assertTrue(
                DatabaseFailures.unreachable(new PSQLException("An I/O error occurred", PSQLState.CONNECTION_FAILURE)));
        // Agroal: no connection within the acquisition timeout
        assertTrue(DatabaseFailures.unreachable(
                new SQLException("Acquisition timeout while waiting for new connection", new TimeoutException())));
        assertTrue(DatabaseFailures.unreachable(new SQLTransientConnectionException("pool exhausted")));
        // Hibernate's translations, inside JPA's exception
        assertTrue(DatabaseFailures.unreachable(new PersistenceException(
                "could not execute", new JDBCConnectionException("Unable to acquire JDBC Connection", refused))));
    }

    @Test
    void otherDatabaseFailuresAreNot() {
        assertFalse(DatabaseFailures.unreachable(new RuntimeException("boom")));
        assertFalse(DatabaseFailures.unreachable(
                new MongoCommandException(BsonDocument.parse("{ok: 0, code: 11000, errmsg: 'duplicate key'}"), MONGO)));
        assertFalse(DatabaseFailures.unreachable(new PSQLException("duplicate key", PSQLState.UNIQUE_VIOLATION)));
        assertFalse(DatabaseFailures.unreachable(new SQLIntegrityConstraintViolationException("dup", "23505")));
        assertFalse(DatabaseFailures.unreachable(new PersistenceException(new ConstraintViolationException(
                "dup", new PSQLException("duplicate key", PSQLState.UNIQUE_VIOLATION), "uk_x"))));
        assertFalse(DatabaseFailures.unreachable(new SQLException("syntax error", "42601")));
    }
}
