package cn.doorstep.support;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.data.redis.RedisConnectionDetails;
import org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The local run's servers. The connection-details beans depend on the servers, so MariaDB and Redis
 * start before the DataSource and the Redis connection factory, and stop after them when the
 * application stops. MariaDB keeps its data under {@code doorstep.embedded.data-dir} between runs.
 */
@TestConfiguration(proxyBeanMethods = false)
public class LocalEmbeddedServers {

    @Bean(destroyMethod = "close")
    EmbeddedMariaDb embeddedMariaDb(@Value("${doorstep.embedded.data-dir}") Path dataDir,
                                    @Value("${doorstep.embedded.db-port}") int port) {
        return EmbeddedMariaDb.start(dataDir.resolve("mariadb"), port, "doorstep", false);
    }

    @Bean(destroyMethod = "close")
    EmbeddedRedis embeddedRedis(@Value("${doorstep.embedded.redis-port}") int port) {
        return EmbeddedRedis.start(port);
    }

    @Bean
    JdbcConnectionDetails jdbcConnectionDetails(EmbeddedMariaDb db) {
        return new JdbcConnectionDetails() {
            @Override
            public String getUsername() {
                return "root";
            }

            @Override
            public String getPassword() {
                return "";
            }

            @Override
            public String getJdbcUrl() {
                return db.jdbcUrl();
            }
        };
    }

    @Bean
    RedisConnectionDetails redisConnectionDetails(EmbeddedRedis redis) {
        return new RedisConnectionDetails() {
            @Override
            public Standalone getStandalone() {
                return Standalone.of("127.0.0.1", redis.port());
            }
        };
    }
}
