/**
 * Delivery riders and couriers: registration with their home community, verification by its admin
 * or station staff with a community pass number, and check-ins at warm stations (published as
 * {@link cn.doorstep.rider.RiderCheckedIn} for points to reward). Owns tables {@code rider} and
 * {@code rider_checkin}; no Redis keys.
 */
package cn.doorstep.rider;
