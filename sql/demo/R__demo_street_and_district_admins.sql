-- Demo data for the local profile only: a street admin over 延安街道 (street 1: communities 1-3) and a
-- district admin over 昌邑区 (district 1: streets 1-5). dev-login with the handle street-admin or
-- district-admin (role STREET_ADMIN or DISTRICT_ADMIN) signs in as them; re-running is harmless.

INSERT INTO app_user (openid, nickname, phone, community_id, created_at, updated_at) VALUES
    ('dev:street-admin', '王主任', '13800000011', 1, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3)),
    ('dev:district-admin', '孙科长', '13800000012', 1, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))
ON DUPLICATE KEY UPDATE nickname = VALUES(nickname);

INSERT IGNORE INTO user_role (user_id, role, scope_id, created_at)
SELECT id, 'RESIDENT', 0, UTC_TIMESTAMP(3) FROM app_user WHERE openid IN ('dev:street-admin', 'dev:district-admin');

INSERT IGNORE INTO user_role (user_id, role, scope_id, created_at)
SELECT id, 'STREET_ADMIN', 1, UTC_TIMESTAMP(3) FROM app_user WHERE openid = 'dev:street-admin';

INSERT IGNORE INTO user_role (user_id, role, scope_id, created_at)
SELECT id, 'DISTRICT_ADMIN', 1, UTC_TIMESTAMP(3) FROM app_user WHERE openid = 'dev:district-admin';
