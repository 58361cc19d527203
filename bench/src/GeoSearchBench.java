import io.lettuce.core.GeoArgs;
import io.lettuce.core.GeoSearch;
import io.lettuce.core.GeoWithin;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Raw GEOSEARCH throughput from Java, with the client the app uses (Lettuce, from the app's jar):
 * the app's candidate query — GEOSEARCH key FROMLONLAT lng lat BYRADIUS 3000 m WITHDIST COUNT 2000
 * ASC — over the benchmark's query points, closed loop: {@code connections} connections, each with
 * {@code inflight} commands outstanding (a new one is sent as each reply arrives), for a fixed time.
 * Replies are decoded into GeoWithin objects, as the app's are.
 *
 * <pre>
 * java -cp 'lib/*' GeoSearchBench.java uri=redis://127.0.0.1:6379/1 queries=queries.txt \
 *      connections=1 inflight=32 warmup=3 duration=20
 * </pre>
 *
 * Prints one line starting with "RESULT".
 */
public class GeoSearchBench {

    public static void main(String[] argv) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (String s : argv) {
            int eq = s.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("expected key=value, got " + s);
            }
            a.put(s.substring(0, eq), s.substring(eq + 1));
        }
        String uri = a.getOrDefault("uri", "redis://127.0.0.1:6379/1");
        String key = a.getOrDefault("key", "station:{map}:geo:WARM");
        Path queries = Path.of(a.getOrDefault("queries", "queries.txt"));
        int connections = Integer.parseInt(a.getOrDefault("connections", "1"));
        int inflight = Integer.parseInt(a.getOrDefault("inflight", "32"));
        int warmup = Integer.parseInt(a.getOrDefault("warmup", "3"));
        int duration = Integer.parseInt(a.getOrDefault("duration", "20"));
        double radius = Double.parseDouble(a.getOrDefault("radius", "3000"));
        long count = Long.parseLong(a.getOrDefault("count", "2000"));

        List<double[]> points = new ArrayList<>();
        for (String line : Files.readAllLines(queries)) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 2) {
                points.add(new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1])});
            }
        }
        if (points.isEmpty()) {
            throw new IllegalStateException("no query points in " + queries);
        }

        RedisClient client = RedisClient.create(RedisURI.create(uri));
        List<StatefulRedisConnection<String, String>> conns = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            conns.add(client.connect());
        }
        GeoArgs args = new GeoArgs().withDistance().withCount(count).asc();
        GeoSearch.GeoPredicate within = GeoSearch.byRadius(radius, GeoArgs.Unit.m);

        Recorder recorder = new Recorder(3);
        LongAdder ops = new LongAdder();
        LongAdder members = new LongAdder();
        LongAdder errors = new LongAdder();
        AtomicInteger next = new AtomicInteger();
        Loop loop = new Loop();
        loop.send = (cmds) -> {
            double[] p = points.get(Math.floorMod(next.getAndIncrement(), points.size()));
            long t0 = System.nanoTime();
            cmds.geosearch(key, GeoSearch.fromCoordinates(p[1], p[0]), within, args).whenComplete((List<GeoWithin<String>> r, Throwable e) -> {
                long micros = (System.nanoTime() - t0) / 1000;
                if (e != null) {
                    errors.increment();
                } else if (loop.measuring) {
                    recorder.recordValue(Math.max(1, micros));
                    ops.increment();
                    members.add(r.size());
                }
                if (loop.running) {
                    loop.send.accept(cmds);
                }
            });
        };
        loop.running = true;
        for (var c : conns) {
            RedisAsyncCommands<String, String> cmds = c.async();
            for (int i = 0; i < inflight; i++) {
                loop.send.accept(cmds);
            }
        }
        TimeUnit.SECONDS.sleep(warmup);
        recorder.getIntervalHistogram(); // drop the warm-up
        loop.measuring = true;
        long start = System.nanoTime();
        TimeUnit.SECONDS.sleep(duration);
        loop.measuring = false;
        double secs = (System.nanoTime() - start) / 1e9;
        Histogram h = recorder.getIntervalHistogram();
        loop.running = false;
        TimeUnit.MILLISECONDS.sleep(200);
        long n = ops.sum();
        System.out.printf(java.util.Locale.ROOT,
                "RESULT raw_geosearch key=%s connections=%d inflight=%d points=%d ops=%d duration_s=%.2f ops_per_s=%.0f "
                        + "p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f p999_ms=%.3f max_ms=%.3f avg_members=%.1f errors=%d%n",
                key, connections, inflight, points.size(), n, secs, n / secs,
                h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(90) / 1000.0, h.getValueAtPercentile(99) / 1000.0,
                h.getValueAtPercentile(99.9) / 1000.0, h.getMaxValue() / 1000.0, n == 0 ? 0.0 : members.sum() / (double) n,
                errors.sum());
        for (var c : conns) {
            c.close();
        }
        client.shutdown(0, 2, TimeUnit.SECONDS);
    }

    static final class Loop {
        volatile boolean running;
        volatile boolean measuring;
        java.util.function.Consumer<RedisAsyncCommands<String, String>> send;
    }
}
