package cn.doorstep.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import java.io.IOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import org.apache.ibatis.exceptions.PersistenceException;
import org.junit.jupiter.api.Test;
import org.mybatis.spring.MyBatisSystemException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Which failures mean "the database is gone" or "Redis is gone", through the wrappers they arrive in. */
class OutagesTest {

    static final SQLTransientConnectionException POOL_TIMEOUT =
            new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 2001ms.");

    @Test
    void theDatabaseGoneIs10504HoweverItIsWrapped() {
        assertThat(Outages.classify(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", POOL_TIMEOUT)))
                .contains(CommonError.DATABASE_UNAVAILABLE);
        assertThat(Outages.classify(new CannotCreateTransactionException("Could not open JDBC Connection", POOL_TIMEOUT)))
                .contains(CommonError.DATABASE_UNAVAILABLE);
        assertThat(Outages.classify(new MyBatisSystemException(new PersistenceException("Error querying database",
                new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", POOL_TIMEOUT)))))
                .contains(CommonError.DATABASE_UNAVAILABLE);
        assertThat(Outages.classify(new DataAccessResourceFailureException("select",
                new SQLException("Communications link failure", "08S01"))))
                .contains(CommonError.DATABASE_UNAVAILABLE);
        assertThat(Outages.classify(new CannotCreateTransactionException("Could not open JDBC Connection",
                new SQLException("Connection is closed")))).contains(CommonError.DATABASE_UNAVAILABLE);
    }

    @Test
    void redisGoneIs10505HoweverItIsWrapped() {
        assertThat(Outages.classify(new RedisConnectionFailureException("Unable to connect to Redis",
                new RedisConnectionException("Unable to connect")))).contains(CommonError.REDIS_UNAVAILABLE);
        assertThat(Outages.classify(new QueryTimeoutException("Redis command timed out",
                new RedisCommandTimeoutException("Command timed out after 2 second(s)"))))
                .contains(CommonError.REDIS_UNAVAILABLE);
        assertThat(Outages.classify(new RedisSystemException("Redis exception",
                new RedisConnectionException("Connection closed prematurely")))).contains(CommonError.REDIS_UNAVAILABLE);
        assertThat(Outages.classify(new RedisSystemException("Redis exception", new RedisException("Connection closed"))))
                .contains(CommonError.REDIS_UNAVAILABLE);
        assertThat(Outages.classify(new RedisSystemException("Redis exception",
                new RedisException(new IOException("Connection reset by peer"))))).contains(CommonError.REDIS_UNAVAILABLE);
        assertThat(Outages.classify(new RedisCommandTimeoutException("Command timed out")))
                .contains(CommonError.REDIS_UNAVAILABLE);
    }

    @Test
    void aDataStoreWeCannotNameIsTheGeneric10503() {
        assertThat(Outages.classify(new DataAccessResourceFailureException("unreachable", new ConnectException())))
                .contains(CommonError.DEPENDENCY_UNAVAILABLE);
    }

    @Test
    void failuresThatAreNoOutageAreNotClassified() {
        assertThat(Outages.classify(new DuplicateKeyException("uk_app_user_openid"))).isEmpty();
        assertThat(Outages.classify(new RedisSystemException("Error in execution",
                new RedisCommandExecutionException("ERR user_script:1: Script attempted to access nonexistent global variable"))))
                .isEmpty();
        assertThat(Outages.classify(new QueryTimeoutException("slow query", new SQLTimeoutException("timeout")))).isEmpty();
        assertThat(Outages.classify(new IllegalStateException("a bug"))).isEmpty();
    }
}
