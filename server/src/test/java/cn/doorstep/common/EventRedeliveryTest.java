package cn.doorstep.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mockingDetails;

import cn.doorstep.points.PointsService;
import cn.doorstep.rider.RiderCheckedIn;
import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.MutableClock;
import cn.doorstep.support.TestRegions;
import cn.doorstep.support.TestUsers;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A listener that fails is delivered again: the rider's check-in points, whose award fails on its
 * first delivery (as on a deadlock or an outage), land exactly once after the redelivery job runs.
 */
@IntegrationTest
class EventRedeliveryTest {

    static final Instant CHECKED_IN_AT = Instant.parse("2026-12-01T04:00:00Z");

    @MockitoSpyBean
    PointsService points;
    @Autowired
    EventRedelivery redelivery;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestUsers users;
    @Autowired
    TestRegions regions;
    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.set(Instant.now());
    }

    @Test
    void aCheckInWhosePointsFailedOnceIsDeliveredAgainAndEarnsExactlyOnce() {
        clock.set(CHECKED_IN_AT);
        long rider = users.resident().id();
        var event = new RiderCheckedIn(888_000 + rider, rider, 1, regions.community(), LocalDate.of(2026, 12, 1));
        doThrow(new CannotAcquireLockException("the database is busy")).doCallRealMethod().when(points).award(any());

        transaction.executeWithoutResult(tx -> events.publishEvent(event));

        await().atMost(Duration.ofSeconds(10)).until(() -> failedDeliveries(event) == 1);
        assertThat(balance(rider)).isZero();

        clock.set(CHECKED_IN_AT.plus(Duration.ofMinutes(4))); // still within the grace a running listener gets
        redelivery.redeliver();
        assertThat(balance(rider)).isZero();
        assertThat(incomplete(event)).isEqualTo(1);

        clock.set(CHECKED_IN_AT.plus(Duration.ofMinutes(6)));
        redelivery.redeliver();

        await().atMost(Duration.ofSeconds(10)).until(() -> archived(event) == 1);
        assertThat(incomplete(event)).isZero();
        assertThat(balance(rider)).isEqualTo(5);
        assertThat(jdbc.queryForObject("select count(*) from points_ledger where user_id = ? and reason = 'RIDER_CHECKIN'",
                Integer.class, rider)).isEqualTo(1);

        redelivery.redeliver(); // nothing left to deliver: nothing changes
        assertThat(balance(rider)).isEqualTo(5);
    }

    @Test
    void archivedPublicationsAreDeletedAfterTheirRetentionAndNotBefore() {
        clock.set(CHECKED_IN_AT);
        long rider = users.resident().id();
        var event = new RiderCheckedIn(889_000 + rider, rider, 1, regions.community(), LocalDate.of(2026, 12, 1));
        transaction.executeWithoutResult(tx -> events.publishEvent(event));
        await().atMost(Duration.ofSeconds(10)).until(() -> archived(event) == 1);

        clock.set(CHECKED_IN_AT.plus(Duration.ofDays(6)));
        redelivery.purge();
        assertThat(archived(event)).isEqualTo(1);

        clock.set(CHECKED_IN_AT.plus(Duration.ofDays(8)));
        redelivery.purge();
        assertThat(archived(event)).isZero();
        assertThat(balance(rider)).isEqualTo(5);
    }

    /** The failed delivery stays in the live table, incomplete; it has been tried once (the spy counts). */
    private int failedDeliveries(RiderCheckedIn event) {
        return incomplete(event) == 1 && mockingDetails(points).getInvocations().stream()
                .anyMatch(i -> i.getMethod().getName().equals("award")) ? 1 : 0;
    }

    /** The points listener's publication (the statistics hear the event too, in their own). */
    private int incomplete(RiderCheckedIn event) {
        return jdbc.queryForObject("select count(*) from EVENT_PUBLICATION where SERIALIZED_EVENT like ? "
                + "and COMPLETION_DATE is null and LISTENER_ID like '%RiderCheckinPoints%'", Integer.class, "%\"checkinId\":" + event.checkinId() + "%");
    }

    private int archived(RiderCheckedIn event) {
        return jdbc.queryForObject("select count(*) from EVENT_PUBLICATION_ARCHIVE where SERIALIZED_EVENT like ? "
                + "and COMPLETION_DATE is not null and LISTENER_ID like '%RiderCheckinPoints%'", Integer.class, "%\"checkinId\":" + event.checkinId() + "%");
    }

    private long balance(long userId) {
        return jdbc.queryForObject("select coalesce(max(balance), 0) from points_account where user_id = ?", Long.class,
                userId);
    }
}
