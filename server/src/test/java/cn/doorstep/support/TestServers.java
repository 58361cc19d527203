package cn.doorstep.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.lettuce.core.RedisClient;
import java.nio.file.Path;
import java.util.UUID;

/**
 * The servers every test context of one JVM shares: started once, on first use, and stopped when the
 * JVM exits. By default MariaDB and Redis are embedded (fresh schema, random ports, nothing to
 * install); when {@code DOORSTEP_DB_URL} is set the suite runs against the external servers named by
 * the DOORSTEP_* variables instead, after wiping them once. WireMock always stands in for WeChat.
 */
public final class TestServers {

    private static TestServers instance;

    private final String jdbcUrl;
    private final String dbUser;
    private final String dbPassword;
    private final String redisUrl;
    private final boolean external;
    private final WireMockServer weChat;

    private TestServers(String jdbcUrl, String dbUser, String dbPassword, String redisUrl, boolean external,
                        WireMockServer weChat) {
        this.jdbcUrl = jdbcUrl;
        this.dbUser = dbUser;
        this.dbPassword = dbPassword;
        this.redisUrl = redisUrl;
        this.external = external;
        this.weChat = weChat;
    }

    public static synchronized TestServers get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    private static TestServers start() {
        var weChat = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        weChat.start();
        Runtime.getRuntime().addShutdownHook(new Thread(weChat::stop, "wiremock-stop"));

        String externalDb = System.getenv("DOORSTEP_DB_URL");
        if (externalDb != null && !externalDb.isBlank()) {
            String redisUrl = envOr("DOORSTEP_REDIS_URL", "redis://127.0.0.1:6379");
            try (var client = RedisClient.create(redisUrl); var connection = client.connect()) {
                connection.sync().flushdb(); // a fresh start, like the embedded Redis
            }
            return new TestServers(externalDb, envOr("DOORSTEP_DB_USER", "root"), envOr("DOORSTEP_DB_PASSWORD", ""),
                    redisUrl, true, weChat);
        }

        Path home = Path.of("target", "embedded", "test-" + ProcessHandle.current().pid() + "-"
                + UUID.randomUUID().toString().substring(0, 8));
        var db = EmbeddedMariaDb.start(home, 0, "doorstep", true);
        awaitConnections(db.jdbcUrl());
        var redis = EmbeddedRedis.start(0);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            redis.close();
            db.close();
        }, "embedded-servers-stop"));
        return new TestServers(db.jdbcUrl(), "root", "", redis.url(), false, weChat);
    }

    /**
     * Connects once with a generous timeout before any test context does with its 2 s one: on a busy
     * machine the first connection to a just-started MariaDB (and the driver's first use) can take longer,
     * and a context that fails to start fails every test class sharing it.
     */
    private static void awaitConnections(String jdbcUrl) {
        long giveUp = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try (var connection = java.sql.DriverManager.getConnection(jdbcUrl + "&connectTimeout=30000", "root", "")) {
                connection.createStatement().execute("SELECT 1");
                return;
            } catch (java.sql.SQLException e) {
                if (System.nanoTime() > giveUp) {
                    throw new IllegalStateException("Embedded MariaDB accepts no connections", e);
                }
            }
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String dbUser() {
        return dbUser;
    }

    public String dbPassword() {
        return dbPassword;
    }

    public String redisUrl() {
        return redisUrl;
    }

    /** True when the suite runs against the DOORSTEP_* servers rather than embedded ones. */
    public boolean external() {
        return external;
    }

    public WireMockServer weChat() {
        return weChat;
    }
}
