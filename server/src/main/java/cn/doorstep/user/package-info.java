/**
 * Users and their profile: WeChat identity (openid, unionid), nickname, avatar, bound phone and
 * community/grid membership, and whether an admin has disabled the account. Owns the {@code app_user}
 * table; no Redis keys.
 */
package cn.doorstep.user;
