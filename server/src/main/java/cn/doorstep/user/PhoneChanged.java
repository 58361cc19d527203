package cn.doorstep.user;

/**
 * A user bound a different phone number than the one on file (not their first). Riders act on it:
 * a verified rider is reviewed again with the new number.
 */
public record PhoneChanged(long userId) {
}
