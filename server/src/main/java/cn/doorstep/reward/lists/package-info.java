/**
 * The redemption lists a day runs on: the pickups waiting at a station for its staff, and the
 * redemptions of an admin's communities with filters, on screen and as a 台账 spreadsheet.
 */
package cn.doorstep.reward.lists;
