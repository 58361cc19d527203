package cn.doorstep.auth;

import java.time.Instant;

/** Whether an account is disabled, and since when ({@code disabledAt} is null while it is enabled). */
public record AccountStatus(long userId, boolean disabled, Instant disabledAt) {
}
