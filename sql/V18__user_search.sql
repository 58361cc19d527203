-- An admin finds people by the last four digits of their phone (issue 16 §2). The column is generated
-- from phone by the database itself, so no write path can leave it out of step; STORED so it can be
-- indexed (MySQL 8 and MariaDB 10.2+ alike). Admins below the city search within their communities:
-- (community_id, phone_last4) serves them, (phone_last4) the platform admin.
ALTER TABLE app_user
    ADD COLUMN phone_last4 CHAR(4) GENERATED ALWAYS AS (RIGHT(phone, 4)) STORED AFTER phone,
    ADD KEY idx_app_user_phone_last4 (phone_last4),
    ADD KEY idx_app_user_community_last4 (community_id, phone_last4);
