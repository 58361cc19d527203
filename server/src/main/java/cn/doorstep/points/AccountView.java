package cn.doorstep.points;

/**
 * A user's points: {@code balance} to spend; {@code earned}, {@code spent} and {@code expired} over
 * all time; {@code expiringSoon} of the balance expires within 30 days.
 */
public record AccountView(long balance, long earned, long spent, long expired, long expiringSoon) {
}
