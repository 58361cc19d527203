-- An admin can disable an account: its sessions are revoked and it cannot sign in until enabled.
-- NULL: enabled; otherwise when it was disabled (UTC).
ALTER TABLE app_user
    ADD COLUMN disabled_at DATETIME(3) NULL AFTER grid_id;
