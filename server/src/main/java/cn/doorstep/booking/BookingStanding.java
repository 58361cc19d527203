package cn.doorstep.booking;

import java.time.Instant;

/**
 * Whether the user may book now. After {@code noShowLimit} no-shows within the window, booking is
 * paused until {@code pausedUntil}; {@code reason} says why, in words the mini-program can show.
 */
public record BookingStanding(boolean paused, Instant pausedUntil, String reason, int recentNoShows,
                              int noShowLimit) {
}
