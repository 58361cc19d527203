package cn.doorstep.points;

import static org.assertj.core.api.Assertions.assertThat;

import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.MutableClock;
import cn.doorstep.support.TestRegions;
import cn.doorstep.support.TestUsers;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A scheduled job runs on one instance at a time: while another holds its lock, this one skips its turn. */
@IntegrationTest
class PointsExpiryJobTest {

    @Autowired
    PointsExpiry expiry;
    @Autowired
    PointsService points;
    @Autowired
    LockProvider locks;
    @Autowired
    TestUsers users;
    @Autowired
    TestRegions regions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.set(Instant.now());
    }

    @Test
    void whileAnotherInstanceHoldsTheExpiryJobsLockThisOneSkipsItsTurn() {
        clock.set(Instant.parse("2026-12-01T04:00:00Z"));
        long user = users.resident().id();
        points.award(new Award(user, PointsReason.VOLUNTEER_SERVICE, "test", "job-lock-" + user, BigDecimal.ONE,
                regions.community(), LocalDate.of(2026, 12, 1), null, null));
        clock.set(Instant.parse("2028-01-01T04:00:00Z")); // past the points' twelve months

        SimpleLock elsewhere = locks.lock(new LockConfiguration(Instant.now(), "points.expiry", Duration.ofMinutes(5),
                Duration.ZERO)).orElseThrow();
        expiry.scheduled();
        assertThat(expiries(user)).as("skipped while another instance holds the lock").isZero();

        elsewhere.unlock();
        expiry.scheduled();
        assertThat(expiries(user)).isEqualTo(1);
        assertThat(locks.lock(new LockConfiguration(Instant.now(), "points.expiry", Duration.ofMinutes(5),
                Duration.ZERO))).as("held a while after its round (lockAtLeastFor)").isEmpty();
    }

    private int expiries(long user) {
        return jdbc.queryForObject("select count(*) from points_ledger where user_id = ? and reason = 'EXPIRE'",
                Integer.class, user);
    }
}
