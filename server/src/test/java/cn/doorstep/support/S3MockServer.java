package cn.doorstep.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.springframework.util.FileSystemUtils;

/**
 * Adobe's S3Mock, an S3 server, in a JVM of its own: started once per test JVM on first use (about five
 * seconds) with one empty bucket, and stopped when the test JVM exits. Its executable jar comes from
 * Maven Central (server/pom.xml copies it to target/s3mock/). Not on the test classpath: S3Mock is a
 * Spring Boot application whose XML message converters and auto-configuration would join ours.
 */
public final class S3MockServer {

    public static final String BUCKET = "doorstep-media";
    private static final Duration STARTUP = Duration.ofSeconds(90);

    private static S3MockServer instance;

    private final int port;

    private S3MockServer(int port) {
        this.port = port;
    }

    public static synchronized S3MockServer get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    /** The endpoint clients reach it at (path-style addressing: {@code endpoint/bucket/key}). */
    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    private static S3MockServer start() {
        Path jar = Path.of("target", "s3mock", "s3mock-exec.jar").toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run the tests through Maven (process-test-resources copies it)");
        }
        try {
            int port = freePort();
            Path root = Files.createTempDirectory("s3mock-");
            Path log = root.resolveSibling(root.getFileName() + ".log");
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(),
                    "--server.port=0", // its HTTPS port, unused
                    "--com.adobe.testing.s3mock.httpPort=" + port,
                    "--com.adobe.testing.s3mock.store.initialBuckets=" + BUCKET,
                    "--com.adobe.testing.s3mock.store.root=" + root)
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process, root, log), "s3mock-stop"));
            awaitUp(process, port, log);
            return new S3MockServer(port);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start S3Mock", e);
        }
    }

    private static void awaitUp(Process process, int port, Path log) throws IOException {
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        var listBuckets = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Mock exited at startup; see " + log);
            }
            try {
                if (http.send(listBuckets, HttpResponse.BodyHandlers.ofString()).body().contains(BUCKET)) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
        process.destroy();
        throw new IllegalStateException("S3Mock did not answer within " + STARTUP + "; see " + log);
    }

    /** Ends the process and removes its objects (and its log, unless it failed to start). */
    private static void stop(Process process, Path root, Path log) {
        process.destroy();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
            FileSystemUtils.deleteRecursively(root);
            if (instance != null) {
                Files.deleteIfExists(log);
            }
        } catch (IOException | InterruptedException e) {
            // the JVM is exiting; a temp folder left behind is harmless
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
