package cn.doorstep.schedule;

/** What booking needs of an activity: which one, where, its title, and the points attendance earns (0: none). */
public record ActivityRef(long id, long stationId, String title, int points) {
}
