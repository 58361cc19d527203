/**
 * The audit trail: every staff or admin action that changes someone else's data writes a row
 * (who, what, when, target) in the same transaction as the change. Owns table {@code audit_log}.
 */
package cn.doorstep.audit;
