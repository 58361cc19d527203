/**
 * Activities at stations: one-off and repeating, each one slot. {@link cn.doorstep.schedule.activity.Activities}
 * is open to other modules (the deliberation module publishes its meetings through it).
 */
@NamedInterface("activity")
package cn.doorstep.schedule.activity;

import org.springframework.modulith.NamedInterface;
