/**
 * 议事 (deliberation): topics residents propose or admins make (from a wish, a report, or directly), accepted
 * onto the agenda or declined, discussed at meetings at a station (each an activity of {@code schedule}, signed
 * up for through {@code booking}), minuted with decisions, and followed up by tasks with an owner and a deadline
 * until every one is done. Owns tables {@code deliberation_topic}, {@code deliberation_support},
 * {@code deliberation_meeting}, {@code deliberation_decision} and {@code deliberation_task}; no Redis keys.
 */
package cn.doorstep.deliberation;
