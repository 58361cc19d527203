package cn.doorstep.booking;

import cn.doorstep.booking.service.SlotGenerator;
import cn.doorstep.booking.staff.NoShows;
import cn.doorstep.booking.staff.Reminders;
import cn.doorstep.booking.waitlist.Waitlist;
import java.time.Duration;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The booking's clocks: slots generated ahead, offers passed down the line, no-shows marked,
 * reminders sent. Each step is correct with any number of instances (INSERT IGNORE on a unique key,
 * conditional updates); the Redis leases {@code booking:jobs} and {@code booking:generate} only spare
 * them doing the same work at once.
 */
@Component
class BookingJobs {

    private static final Logger log = LoggerFactory.getLogger(BookingJobs.class);

    private final SlotGenerator generator;
    private final Waitlist waitlist;
    private final NoShows noShows;
    private final Reminders reminders;
    private final StringRedisTemplate redis;

    BookingJobs(SlotGenerator generator, Waitlist waitlist, NoShows noShows, Reminders reminders,
                StringRedisTemplate redis) {
        this.generator = generator;
        this.waitlist = waitlist;
        this.noShows = noShows;
        this.reminders = reminders;
        this.redis = redis;
    }

    @Scheduled(initialDelayString = "${doorstep.booking.jobs-every:PT1M}", fixedDelayString = "${doorstep.booking.jobs-every:PT1M}")
    void everyMinute() {
        leased("booking:jobs", Duration.ofMinutes(5), () -> waitlist.expireOffers() + noShows.markDue() + reminders.sendDue());
    }

    @Scheduled(initialDelayString = "${doorstep.booking.generate-delay:PT30S}", fixedDelayString = "${doorstep.booking.generate-every:PT1H}")
    void generateAhead() {
        leased("booking:generate", Duration.ofMinutes(30), generator::generateAll);
    }

    private void leased(String lease, Duration longest, IntSupplier work) {
        try {
            if (!Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(lease, "1", longest))) {
                return;
            }
            try {
                work.getAsInt();
            } finally {
                redis.delete(lease);
            }
        } catch (RuntimeException e) {
            log.warn("Booking job {} failed this round: {}", lease, e.getClass().getSimpleName());
        }
    }
}
