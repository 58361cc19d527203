package cn.doorstep.booking;

import cn.doorstep.booking.staff.NoShows;
import cn.doorstep.booking.staff.Reminders;
import cn.doorstep.booking.waitlist.Waitlist;
import cn.doorstep.common.Jobs;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The booking's clocks: offers passed down the line, no-shows marked, reminders sent (slots are
 * generated ahead by {@code schedule}). Each step is correct with any number of instances (conditional
 * updates); their locks only spare the instances doing the same work at once. Three jobs, not one: a
 * failing step never skips the others.
 */
@Component
class BookingJobs {

    private static final Logger log = LoggerFactory.getLogger(BookingJobs.class);

    private final Waitlist waitlist;
    private final NoShows noShows;
    private final Reminders reminders;
    private final Jobs jobs;

    BookingJobs(Waitlist waitlist, NoShows noShows, Reminders reminders, Jobs jobs) {
        this.waitlist = waitlist;
        this.noShows = noShows;
        this.reminders = reminders;
        this.jobs = jobs;
    }

    @Scheduled(initialDelayString = "${doorstep.booking.jobs-every:PT1M}", fixedDelayString = "${doorstep.booking.jobs-every:PT1M}")
    @SchedulerLock(name = "booking.offers", lockAtMostFor = "PT5M", lockAtLeastFor = "PT20S")
    void expireOffers() {
        jobs.run(log, "booking.offers", waitlist::expireOffers);
    }

    @Scheduled(initialDelayString = "${doorstep.booking.jobs-every:PT1M}", fixedDelayString = "${doorstep.booking.jobs-every:PT1M}")
    @SchedulerLock(name = "booking.no-shows", lockAtMostFor = "PT5M", lockAtLeastFor = "PT20S")
    void markNoShows() {
        jobs.run(log, "booking.no-shows", noShows::markDue);
    }

    @Scheduled(initialDelayString = "${doorstep.booking.jobs-every:PT1M}", fixedDelayString = "${doorstep.booking.jobs-every:PT1M}")
    @SchedulerLock(name = "booking.reminders", lockAtMostFor = "PT5M", lockAtLeastFor = "PT20S")
    void sendReminders() {
        jobs.run(log, "booking.reminders", reminders::sendDue);
    }
}
