package cn.doorstep.support;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** Creates a fresh district → street → community chain for a test, so tests never share one. */
public final class TestRegions {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 10_000_000);

    private final JdbcTemplate jdbc;

    public TestRegions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A new community (in a new street of a new district); returns its id. */
    public long community() {
        return chain().community();
    }

    /** A new district with a street and a community in it. */
    public Chain chain() {
        long n = SEQUENCE.incrementAndGet();
        long district = insert("INSERT INTO district (name, adcode, sort_order) VALUES (?, ?, 99)", "测试区" + n, "T" + n);
        long street = insert("INSERT INTO street (district_id, name) VALUES (?, ?)", district, "测试街道" + n);
        long community = insert("INSERT INTO community (street_id, name) VALUES (?, ?)", street, "测试社区" + n);
        return new Chain(district, street, community);
    }

    /** A new street in this district; returns its id. */
    public long streetIn(long district) {
        return insert("INSERT INTO street (district_id, name) VALUES (?, ?)", district, "测试街道" + SEQUENCE.incrementAndGet());
    }

    /** A new community in this street; returns its id. */
    public long communityIn(long street) {
        return insert("INSERT INTO community (street_id, name) VALUES (?, ?)", street, "测试社区" + SEQUENCE.incrementAndGet());
    }

    public record Chain(long district, long street, long community) {
    }

    private long insert(String sql, Object... args) {
        var keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS);
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }
}
