/**
 * People and roles for admins: finding the users of one's scope (by nickname, name as registered, the
 * phone's last four digits or member code) and granting or revoking roles below one's own, each grant
 * audited; and grid heads registering residents of their grid who have no WeChat (敲门行动), for whom they
 * then book. Owns no table and no Redis key: users, roles, names and member codes stay with their
 * features, asked through their services.
 */
package cn.doorstep.people;
