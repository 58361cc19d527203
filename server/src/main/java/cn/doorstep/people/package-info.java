/**
 * People and roles for admins: finding the users of one's scope (by nickname, name as registered, the
 * phone's last four digits or member code) and granting or revoking roles below one's own, each grant
 * audited. Owns no table and no Redis key: users, roles, names and member codes stay with their
 * features, asked through their services.
 */
package cn.doorstep.people;
