/**
 * Signing in (WeChat login; the local profile's dev login lives in test sources), bearer tokens and roles.
 * Owns table {@code user_role}; Redis keys {@code auth:token:{sha256(token)}} (session, sliding TTL)
 * and {@code auth:roles:{userId}} (cached grants).
 */
package cn.doorstep.auth;
