package com.hiwar.problem;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import javax.transaction.xa.XAException;
import org.junit.jupiter.api.Test;

/** Which failures are the database being away (a 503 with Retry-After) rather than a bug (a 500). */
class DatabaseUnavailableTest {

    @Test
    void connectionErrorsAnywhereInTheChainAreAnOutage() {
        assertTrue(ProblemMapper.databaseUnavailable(new RuntimeException(new SQLException("gone", "08006"))));
        assertTrue(ProblemMapper.databaseUnavailable(new SQLException("the database system is shutting down", "57P01")));
        assertTrue(ProblemMapper.databaseUnavailable(new SQLException("cannot execute INSERT in a read-only transaction", "25006")));
        assertTrue(ProblemMapper.databaseUnavailable(new SQLException("Acquisition timeout while waiting for new connection")));
    }

    @Test
    void aCommitThatFailedOnADeadConnectionIsAnOutage() {
        // Narayana: RollbackException, the driver's error suppressed inside an XAException
        XAException xa = new XAException("Error trying to transactionCommit local transaction");
        xa.initCause(new SQLException("An I/O error occurred while sending to the backend.", "08006"));
        RuntimeException rollback = new RuntimeException("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(xa);
        assertTrue(ProblemMapper.databaseUnavailable(new IllegalStateException(rollback)));
    }

    @Test
    void otherFailuresAreNot() {
        assertFalse(ProblemMapper.databaseUnavailable(new IllegalStateException("a bug")));
        assertFalse(ProblemMapper.databaseUnavailable(new SQLException("duplicate key", "23505")));
    }
}
