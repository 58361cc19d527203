/**
 * 双报到: units (机关企事业单位) and the communities they 包联, in-service party members registering with
 * their home community (confirmed by its admin), and each unit's monthly record of its members'
 * service (wishes fulfilled, hours, ratings) for 考核评价, with a CSV download for unit admins
 * (role UNIT_ADMIN scoped to the unit). Tells wishes who is a confirmed member ({@code PartyMembers})
 * and records service from {@code WishConfirmed}. Owns tables {@code party_unit},
 * {@code party_unit_community}, {@code party_registration}, {@code party_service}; no Redis keys.
 */
package cn.doorstep.party;
