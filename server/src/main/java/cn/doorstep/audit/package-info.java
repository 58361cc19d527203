/**
 * The audit trail: every staff or admin action that changes someone else's data writes a row
 * (who, what, when, target, and the community it was in) in the same transaction as the change, and
 * the reader admins use in their scope. Owns table {@code audit_log}.
 */
package cn.doorstep.audit;
