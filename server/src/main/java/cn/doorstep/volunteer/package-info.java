/**
 * Volunteers (志愿者注册): a resident applies to a community, its admins approve (granting VOLUNTEER for
 * that community) or reject with a reason; a volunteer may leave and an admin may revoke. Owns table
 * {@code volunteer_application}; no Redis keys.
 */
package cn.doorstep.volunteer;
