/**
 * Signing in (WeChat login; the local profile's dev login lives in test sources), bearer tokens, roles
 * and admins disabling accounts. Owns table {@code user_role}; Redis keys
 * {@code auth:token:{sha256(token)}} (session {@code userId|issuedAtMillis}: sliding TTL, absolute max
 * age), {@code auth:user-tokens:{userId}} (set of the user's session hashes, for revoking them all),
 * {@code auth:roles:2:{userId}} (cached grants, of the copy's generation 2) and {@code auth:roles:ver:{userId}} (its version).
 */
package cn.doorstep.auth;
