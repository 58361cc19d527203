package cn.doorstep.booking;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code doorstep.booking.*}.
 *
 * @param gateEnabled            the Redis seat gate in front of MySQL (off: MySQL's guards only, the
 *                               benchmark's baseline)
 * @param offerHold              how long a seat offered to the first in a waitlist is kept for them
 * @param noShowGrace            a booking not checked in this long after its slot ended is a no-show
 * @param noShowLimit            this many no-shows within {@code noShowWindow} pause booking...
 * @param noShowWindow           ...counted over this window...
 * @param pauseFor               ...for this long
 * @param remindBefore           the reminder goes out this long before a slot starts
 * @param activityCheckInOpens   an activity's attendees are checked in from this long before it starts
 *                               (until {@code noShowGrace} after it ends, when they would become no-shows)
 * @param jobsEvery              how often the no-show, offer and reminder jobs run
 */
@ConfigurationProperties("doorstep.booking")
public record BookingProperties(
        @DefaultValue("true") boolean gateEnabled,
        @DefaultValue("15m") Duration offerHold,
        @DefaultValue("30m") Duration noShowGrace,
        @DefaultValue("3") int noShowLimit,
        @DefaultValue("30d") Duration noShowWindow,
        @DefaultValue("7d") Duration pauseFor,
        @DefaultValue("2h") Duration remindBefore,
        @DefaultValue("1h") Duration activityCheckInOpens,
        @DefaultValue("1m") Duration jobsEvery) {
}
