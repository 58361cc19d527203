/**
 * Users and their profile: WeChat identity (openid, unionid), nickname, avatar, bound phone and
 * community/grid membership. Owns the {@code app_user} table; no Redis keys.
 */
package cn.doorstep.user;
