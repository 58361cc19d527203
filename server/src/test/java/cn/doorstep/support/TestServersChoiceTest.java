package cn.doorstep.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The tests wipe the servers they run on: only servers named for tests are ever chosen. */
class TestServersChoiceTest {

    @Test
    void theProductionVariablesAreIgnoredAndTheRunIsEmbedded() {
        var choice = TestServers.choose(Map.of(
                "DOORSTEP_DB_URL", "jdbc:mysql://db.prod:3306/doorstep",
                "DOORSTEP_DB_USER", "doorstep", "DOORSTEP_DB_PASSWORD", "secret",
                "DOORSTEP_REDIS_URL", "redis://redis.prod:6379/0"));

        assertThat(choice.dbUrl()).isNull();
        assertThat(choice.redisUrl()).isNull();
    }

    @Test
    void aTestDatabaseWhoseSchemaIsNotNamedForTestsIsRefused() {
        for (String url : new String[] {"jdbc:mysql://127.0.0.1:3306/doorstep", "jdbc:mysql://127.0.0.1:3306/test",
                "jdbc:mysql://127.0.0.1:3306/doorstep?x=_test", "jdbc:mysql://127.0.0.1:3306/", "jdbc:mysql://host"}) {
            assertThatThrownBy(() -> TestServers.choose(Map.of("DOORSTEP_TEST_DB_URL", url)))
                    .as(url).isInstanceOf(IllegalStateException.class).hasMessageContaining("_test");
        }
    }

    @Test
    void theTestVariablesNameTheExternalServers() {
        var choice = TestServers.choose(Map.of(
                "DOORSTEP_TEST_DB_URL", "jdbc:mysql://127.0.0.1:3306/doorstep_test?createDatabaseIfNotExist=true",
                "DOORSTEP_TEST_DB_USER", "ci", "DOORSTEP_TEST_REDIS_URL", "redis://127.0.0.1:6379/1"));

        assertThat(choice.dbUrl()).endsWith("doorstep_test?createDatabaseIfNotExist=true");
        assertThat(choice.dbUser()).isEqualTo("ci");
        assertThat(choice.dbPassword()).isEmpty();
        assertThat(choice.redisUrl()).isEqualTo("redis://127.0.0.1:6379/1");
    }

    @Test
    void aTestDatabaseWithoutATestRedisRunsOnAnEmbeddedRedisNeverFlushingAnother() {
        var choice = TestServers.choose(Map.of("DOORSTEP_TEST_DB_URL", "jdbc:mysql://127.0.0.1:3306/doorstep_test",
                "DOORSTEP_REDIS_URL", "redis://127.0.0.1:6379"));

        assertThat(choice.redisUrl()).isNull();
    }
}
