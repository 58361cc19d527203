-- Issue 16 §5: the audit log read by admins in their scope. Each row carries the community the action
-- was in (null where the caller had none at hand: those rows are read by platform admins only), and
-- the reader's filters have indexes: a community's rows newest first, and one action's.
ALTER TABLE audit_log
    ADD COLUMN community_id BIGINT NULL AFTER actor_id,
    ADD KEY idx_audit_community (community_id, id),
    ADD KEY idx_audit_action (action, id),
    ADD KEY idx_audit_created (created_at);
