package cn.doorstep.support;

import cn.doorstep.auth.RoleService;
import cn.doorstep.auth.TokenService;
import cn.doorstep.user.UserService;
import java.net.URI;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * Like {@link TestInfrastructure}, but the application reaches the database and Redis through a
 * {@link TcpProxy} each, so a test can cut them off and restore them: {@link #database()},
 * {@link #redis()}. Its own Spring context; the servers behind the proxies are the shared ones.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ProxiedServers {

    private static TcpProxy database;
    private static TcpProxy redis;

    public static synchronized TcpProxy database() {
        if (database == null) {
            URI db = URI.create(TestServers.get().jdbcUrl().substring("jdbc:".length()));
            database = TcpProxy.start(db.getHost(), db.getPort() < 0 ? 3306 : db.getPort());
        }
        return database;
    }

    public static synchronized TcpProxy redis() {
        if (redis == null) {
            URI uri = URI.create(TestServers.get().redisUrl());
            redis = TcpProxy.start(uri.getHost(), uri.getPort() < 0 ? 6379 : uri.getPort());
        }
        return redis;
    }

    @Bean
    static DynamicPropertyRegistrar proxiedServerProperties() {
        return registry -> {
            TestServers servers = TestServers.get();
            registry.add("spring.datasource.url", () -> viaProxy(servers.jdbcUrl(), "jdbc:", database()));
            registry.add("spring.datasource.username", servers::dbUser);
            registry.add("spring.datasource.password", servers::dbPassword);
            if (servers.redisCluster()) {
                // a cluster tells its clients the nodes' own addresses: no proxy can stand in front of it,
                // so the application reaches it directly and tests that cut Redis off do not run
                TestInfrastructure.redisProperties(registry, servers);
            } else {
                registry.add("spring.data.redis.url", () -> viaProxy(servers.redisUrl(), "", redis()));
            }
            registry.add("doorstep.wechat.api-host", servers.weChat()::baseUrl);
            registry.add("spring.flyway.clean-disabled", () -> true);
            // production's fail-fast timeouts (the test profile waits longer for a busy machine)
            registry.add("spring.datasource.hikari.connection-timeout", () -> "2000");
            registry.add("spring.datasource.hikari.data-source-properties.connectTimeout", () -> "2000");
        };
    }

    @Bean
    TestUsers testUsers(UserService users, RoleService roles, TokenService tokens) {
        return new TestUsers(users, roles, tokens);
    }

    /** The same URL (scheme, credentials, database, parameters) with 127.0.0.1 and the proxy's port. */
    private static String viaProxy(String url, String prefix, TcpProxy proxy) {
        URI uri = URI.create(url.substring(prefix.length()));
        String userInfo = uri.getRawUserInfo() == null ? "" : uri.getRawUserInfo() + "@";
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return prefix + uri.getScheme() + "://" + userInfo + "127.0.0.1:" + proxy.port() + path + query;
    }
}
