/**
 * Signing in (WeChat login; the local profile's dev login lives in test sources), bearer tokens, roles
 * and admins disabling accounts. Owns table {@code user_role}; Redis keys
 * {@code auth:{userId}:token:{sha256(token)}} (session {@code userId|issuedAtMillis}: sliding TTL, absolute
 * max age; the token is {@code userId.random}), {@code auth:{userId}:tokens} (sorted set of the user's
 * session hashes by max-age deadline, for revoking them all), {@code auth:{userId}:roles:2} (cached grants,
 * of the copy's generation 2) and {@code auth:{userId}:roles:ver} (its version). The braces are the Redis
 * Cluster hash tag: every key of one user is in one slot, so the session check reads the roles in the same
 * Lua call. The names before this tag ({@code auth:token:*}, {@code auth:user-tokens:*}, {@code
 * auth:roles:2:*}, {@code auth:roles:ver:*}) are no longer read; a role change still drops the old copy for
 * one release (see {@link cn.doorstep.auth.RoleService}).
 */
package cn.doorstep.auth;
