package cn.doorstep.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The servers every test context of one JVM shares: started once, on first use, and stopped when the
 * JVM exits. By default MariaDB and Redis are embedded (fresh schema, random ports, nothing to
 * install). The external pass names its own servers, never production's: {@code DOORSTEP_TEST_DB_URL}
 * (a schema whose name ends in {@code _test}, wiped once per run) and {@code DOORSTEP_TEST_REDIS_URL}
 * (flushed once per run, and by tests that lose Redis on purpose), or {@code
 * DOORSTEP_TEST_REDIS_CLUSTER_NODES} ({@code host:port,host:port,...}: a Redis Cluster, every master
 * flushed once per run; the application then runs Lettuce in cluster mode, by configuration only); a
 * Redis not named is embedded. The
 * production variables ({@code DOORSTEP_DB_URL}, {@code DOORSTEP_REDIS_URL}) are never read here, so
 * running the tests in a shell prepared for production cannot wipe its data. WireMock always stands in
 * for WeChat.
 */
public final class TestServers {

    /** The external pass's variables: never the production ones (README, Configuration). */
    static final String DB_URL = "DOORSTEP_TEST_DB_URL";
    static final String DB_USER = "DOORSTEP_TEST_DB_USER";
    static final String DB_PASSWORD = "DOORSTEP_TEST_DB_PASSWORD";
    static final String REDIS_URL = "DOORSTEP_TEST_REDIS_URL";
    static final String REDIS_CLUSTER_NODES = "DOORSTEP_TEST_REDIS_CLUSTER_NODES";
    static final String TEST_SUFFIX = "_test";

    private static TestServers instance;

    private final String jdbcUrl;
    private final String dbUser;
    private final String dbPassword;
    private final String redisUrl;
    private final List<String> redisClusterNodes;
    private final boolean external;
    private final WireMockServer weChat;

    private TestServers(String jdbcUrl, String dbUser, String dbPassword, String redisUrl,
                        List<String> redisClusterNodes, boolean external, WireMockServer weChat) {
        this.jdbcUrl = jdbcUrl;
        this.dbUser = dbUser;
        this.dbPassword = dbPassword;
        this.redisUrl = redisUrl;
        this.redisClusterNodes = redisClusterNodes;
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

        Choice choice = choose(System.getenv());
        boolean externalDb = choice.dbUrl() != null;
        boolean externalRedis = choice.redisUrl() != null;

        String jdbcUrl;
        String user = "root";
        String password = "";
        if (externalDb) {
            jdbcUrl = choice.dbUrl();
            user = choice.dbUser();
            password = choice.dbPassword();
        } else {
            Path home = Path.of("target", "embedded", "test-" + ProcessHandle.current().pid() + "-"
                    + UUID.randomUUID().toString().substring(0, 8));
            var db = EmbeddedMariaDb.start(home, 0, "doorstep", true);
            Runtime.getRuntime().addShutdownHook(new Thread(db::close, "embedded-mariadb-stop"));
            jdbcUrl = db.jdbcUrl();
        }
        awaitTestSchema(jdbcUrl, user, password, externalDb);

        String redisUrl;
        List<String> clusterNodes = choice.redisClusterNodes();
        if (!clusterNodes.isEmpty()) {
            redisUrl = "redis://" + clusterNodes.get(0);
            flushEveryMaster(clusterNodes);
        } else if (externalRedis) {
            redisUrl = choice.redisUrl();
            try (var client = RedisClient.create(redisUrl); var connection = client.connect()) {
                connection.sync().flushdb(); // the database this run was given: a fresh start, like the embedded one
            }
        } else {
            var redis = EmbeddedRedis.start(0);
            Runtime.getRuntime().addShutdownHook(new Thread(redis::close, "embedded-redis-stop"));
            redisUrl = redis.url();
        }
        return new TestServers(jdbcUrl, user, password, redisUrl, clusterNodes, externalDb, weChat);
    }

    /** The cluster this run was given: a fresh start on each master (replicas follow them). */
    private static void flushEveryMaster(List<String> nodes) {
        var uris = nodes.stream().map(node -> RedisURI.create("redis://" + node)).toList();
        var client = RedisClusterClient.create(uris);
        try (var connection = client.connect()) {
            for (RedisClusterNode node : connection.getPartitions()) {
                if (node.is(RedisClusterNode.NodeFlag.UPSTREAM)) {
                    connection.getConnection(node.getNodeId()).sync().flushdb();
                }
            }
        } finally {
            client.shutdown();
        }
    }

    /** The external servers a run was given; a null URL and no cluster nodes mean embedded. */
    record Choice(String dbUrl, String dbUser, String dbPassword, String redisUrl, List<String> redisClusterNodes) {
    }

    /** Reads only the test variables; refuses a database whose schema is not named for tests. */
    static Choice choose(Map<String, String> env) {
        String db = blankToNull(env.get(DB_URL));
        if (db != null) {
            requireTestSchema(db);
        }
        String nodes = blankToNull(env.get(REDIS_CLUSTER_NODES));
        return new Choice(db, env.getOrDefault(DB_USER, "root"), env.getOrDefault(DB_PASSWORD, ""),
                blankToNull(env.get(REDIS_URL)), nodes == null ? List.of()
                        : Arrays.stream(nodes.split(",")).map(String::trim).filter(n -> !n.isEmpty()).toList());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** The schema a test URL names: what follows the host's slash, up to the parameters. */
    static String schemaOf(String jdbcUrl) {
        int slash = jdbcUrl.indexOf('/', jdbcUrl.indexOf("//") + 2);
        if (slash < 0) {
            return "";
        }
        String rest = jdbcUrl.substring(slash + 1);
        int end = rest.indexOf('?');
        return end < 0 ? rest : rest.substring(0, end);
    }

    /** Refuses, before connecting, any schema not named for tests: the run wipes it. */
    static void requireTestSchema(String jdbcUrl) {
        String schema = schemaOf(jdbcUrl);
        if (!schema.endsWith(TEST_SUFFIX)) {
            throw new IllegalStateException(DB_URL + " names schema '" + schema + "': the tests wipe the schema they "
                    + "are given, so its name must end in " + TEST_SUFFIX + " (e.g. jdbc:mysql://127.0.0.1:3306/doorstep_test)");
        }
    }

    /**
     * Connects once with a generous timeout before any test context does with its 2 s one (on a busy
     * machine the first connection to a just-started MariaDB can take longer, and a context that fails to
     * start fails every test class sharing it); on an external server, also asks the server which schema
     * the connection uses, so no URL parameter can point the wipe at another one.
     */
    private static void awaitTestSchema(String jdbcUrl, String user, String password, boolean external) {
        long giveUp = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        String patient = jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "connectTimeout=30000";
        while (true) {
            try (var connection = java.sql.DriverManager.getConnection(patient, user, password);
                 var statement = connection.createStatement();
                 var schema = statement.executeQuery("SELECT DATABASE()")) {
                schema.next();
                String name = schema.getString(1);
                if (external && (name == null || !name.endsWith(TEST_SUFFIX))) {
                    throw new IllegalStateException(DB_URL + " connects to schema '" + name + "', not one ending in "
                            + TEST_SUFFIX + ": refusing to wipe it");
                }
                return;
            } catch (java.sql.SQLException e) {
                if (System.nanoTime() > giveUp) {
                    throw new IllegalStateException("The test database accepts no connections", e);
                }
            }
        }
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

    /** A standalone Redis's URL; on a cluster, its first node's (for clients that want one node). */
    public String redisUrl() {
        return redisUrl;
    }

    /** The cluster's nodes ({@code host:port}), empty unless the run was given a Redis Cluster. */
    public List<String> redisClusterNodes() {
        return redisClusterNodes;
    }

    /** True when the application talks to a Redis Cluster (Lettuce in cluster mode). */
    public boolean redisCluster() {
        return !redisClusterNodes.isEmpty();
    }

    /** True when the suite runs against the database named by DOORSTEP_TEST_DB_URL rather than an embedded one. */
    public boolean external() {
        return external;
    }

    public WireMockServer weChat() {
        return weChat;
    }
}
