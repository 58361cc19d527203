-- Residents without a phone (issue 16 §6): a grid head (三长) registers a resident of their grid who has
-- no WeChat at all, so that bookings and check-ins made for them are theirs (their seat, their weekly
-- limit, their list). Such a user's openid is 'offline:<uuid>', which no WeChat sign-in can produce.

ALTER TABLE app_user
    ADD COLUMN door          VARCHAR(32) NULL AFTER grid_id,
    ADD COLUMN registered_by BIGINT      NULL AFTER door,
    ADD KEY idx_app_user_offline (grid_id, registered_by);
