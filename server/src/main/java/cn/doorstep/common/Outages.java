package cn.doorstep.common;

import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a lost database or Redis apart from other failures, through whatever wraps it (Spring's
 * translation, MyBatis, a transaction that could not begin), so the caller gets a 503 naming the
 * dependency instead of a 500. Timeouts keep the wait short: Hikari's connection timeout
 * ({@code DOORSTEP_DB_CONNECT_TIMEOUT}) and Redis's command timeout ({@code spring.data.redis.timeout}).
 */
public final class Outages {

    private Outages() {
    }

    /** The error to answer with when {@code failure} means a dependency is unreachable; empty otherwise. */
    public static Optional<CommonError> classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (isRedisOutage(t)) {
                return Optional.of(CommonError.REDIS_UNAVAILABLE);
            }
            if (isDatabaseOutage(t)) {
                return Optional.of(CommonError.DATABASE_UNAVAILABLE);
            }
        }
        if (has(failure, DataAccessResourceFailureException.class)) {
            return Optional.of(CommonError.DEPENDENCY_UNAVAILABLE); // some data store, we cannot tell which
        }
        return Optional.empty();
    }

    private static boolean isRedisOutage(Throwable t) {
        if (t instanceof RedisConnectionFailureException || t instanceof RedisConnectionException
                || t instanceof RedisCommandTimeoutException) {
            return true; // Spring's QueryTimeoutException from Redis has the command timeout as its cause
        }
        if (t instanceof RedisSystemException) {
            // a connection closed under a command; not a script or command error Redis answered
            for (Throwable c = t.getCause(); c != null; c = c.getCause() == c ? null : c.getCause()) {
                if (c instanceof IOException || isConnectionMessage(c)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isConnectionMessage(Throwable t) {
        if (!(t instanceof RedisException) || t.getMessage() == null) {
            return false;
        }
        String message = t.getMessage();
        return message.startsWith("Connection closed") || message.startsWith("Connection disconnected")
                || message.contains("not connected");
    }

    private static boolean isDatabaseOutage(Throwable t) {
        if (t instanceof CannotGetJdbcConnectionException || t instanceof CannotCreateTransactionException
                || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                || t instanceof SQLRecoverableException) {
            return true; // Connector/J's CommunicationsException is an SQLRecoverableException
        }
        if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
            return true; // SQL state class 08: connection exception
        }
        return t instanceof DataAccessResourceFailureException && has(t, SQLException.class);
    }

    private static boolean has(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
