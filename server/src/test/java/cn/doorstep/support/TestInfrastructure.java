package cn.doorstep.support;

import cn.doorstep.auth.RoleService;
import cn.doorstep.auth.TokenService;
import cn.doorstep.user.UserService;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.boot.test.autoconfigure.web.servlet.MockMvcBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistrar;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Wires a test context to {@link TestServers}: the database, Redis, and WeChat's API host. Because
 * the registrar runs before any other bean, the servers are up before the DataSource and the Redis
 * connection factory exist.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestInfrastructure {

    private static final AtomicBoolean SCHEMA_WIPED = new AtomicBoolean();

    @Bean
    static DynamicPropertyRegistrar testServerProperties() {
        return registry -> {
            TestServers servers = TestServers.get();
            registry.add("spring.datasource.url", servers::jdbcUrl);
            registry.add("spring.datasource.username", servers::dbUser);
            registry.add("spring.datasource.password", servers::dbPassword);
            redisProperties(registry, servers);
            registry.add("doorstep.wechat.api-host", servers.weChat()::baseUrl);
            registry.add("spring.flyway.clean-disabled", () -> !servers.external());
        };
    }

    /**
     * Redis: one server's URL, or a cluster's nodes (then Spring Boot configures Lettuce in cluster mode,
     * as production does from {@code spring.data.redis.cluster.nodes}).
     */
    static void redisProperties(DynamicPropertyRegistry registry, TestServers servers) {
        // on a cluster, the URL (its first node) still carries what a URL does (credentials, TLS); the nodes win
        registry.add("spring.data.redis.url", servers::redisUrl);
        if (servers.redisCluster()) {
            registry.add("spring.data.redis.cluster.nodes", () -> String.join(",", servers.redisClusterNodes()));
        }
    }

    /** An external database may hold an earlier run's rows: start from an empty schema, once per JVM. */
    @Bean
    FlywayMigrationStrategy freshSchemaOnExternalServers() {
        return flyway -> {
            if (TestServers.get().external() && SCHEMA_WIPED.compareAndSet(false, true)) {
                flyway.clean();
            }
            flyway.migrate();
        };
    }

    /** Every MockMvc reply of the suite is checked against the checked-in spec ({@link ContractCheck}). */
    @Bean
    MockMvcBuilderCustomizer repliesMatchTheSpec() {
        return builder -> builder.alwaysExpect(ContractCheck.replyMatchesSpec());
    }

    /** A MyBatis plugin (Spring Boot's MyBatis-Plus starter adds every Interceptor bean) that tests count statements with. */
    @Bean
    SqlStatements sqlStatements() {
        return new SqlStatements();
    }

    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock(Clock.systemUTC().instant());
    }

    @Bean
    TestRegions testRegions(org.springframework.jdbc.core.JdbcTemplate jdbc) {
        return new TestRegions(jdbc);
    }

    @Bean
    TestStations testStations(cn.doorstep.station.StationAdminService admin) {
        return new TestStations(admin);
    }

    @Bean
    TestUsers testUsers(UserService users, RoleService roles, TokenService tokens) {
        return new TestUsers(users, roles, tokens);
    }
}
