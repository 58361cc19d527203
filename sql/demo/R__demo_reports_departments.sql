-- Demo data for the local profile only (never shipped, never applied in tests or production).
-- Departments that reports are routed and summoned to, the streets they serve, and their people.
-- Named to run after R__demo_jilin_regions (Flyway runs repeatables by description): department_street
-- needs the streets.
-- Explicit ids: department 1 is the dev login's default DEPARTMENT scope. dev-login with the handles
-- dept-city (and dept-city2, a second person of it, to try two acting at once), dept-heating, dept-water,
-- dept-police, dept-property and dept-sanitation (role DEPARTMENT, scopeId as below) signs in as them;
-- DemoReports (test sources) files the demo reports through the services. Re-running is harmless.

INSERT INTO department (id, name, kind, phone, active, created_by, created_at, updated_at) VALUES
    (1, '昌邑区城市管理执法局延安中队', 'URBAN_MANAGEMENT', '0432-62451001', TRUE, 0, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3)),
    (2, '吉林市热力集团昌邑分公司', 'HEATING', '0432-62451002', TRUE, 0, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3)),
    (3, '吉林市供水集团昌邑营业所', 'WATER', '0432-62451003', TRUE, 0, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3)),
    (4, '延安街道派出所', 'POLICE', '0432-62451004', TRUE, 0, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3)),
    (5, '吉林市鸿达物业服务有限公司', 'PROPERTY', '0432-62451005', TRUE, 0, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3)),
    (6, '昌邑区环境卫生管理处', 'SANITATION', '0432-62451006', TRUE, 0, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3)),
    (7, '吉林市燃气有限公司昌邑分公司', 'GAS', '0432-62451007', TRUE, 0, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3)),
    (8, '国网吉林供电公司昌邑供电中心', 'POWER', '0432-62451008', TRUE, 0, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3)),
    (9, '船营区城市管理执法局南京中队', 'URBAN_MANAGEMENT', '0432-62451009', TRUE, 0, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3)),
    (10, '兴华街道老旧小区改造办（已撤并）', 'OTHER', NULL, FALSE, 0, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))
ON DUPLICATE KEY UPDATE name = VALUES(name), kind = VALUES(kind), phone = VALUES(phone), active = VALUES(active);

-- 延安街道 is street 1 (communities 1-3); streets 1-5 are 昌邑区; street 6 is 船营区 南京街道
INSERT IGNORE INTO department_street (department_id, street_id) VALUES
    (1, 1), (1, 2), (1, 3),
    (2, 1), (2, 2), (2, 3), (2, 4), (2, 5),
    (3, 1), (3, 2), (3, 3), (3, 4), (3, 5),
    (4, 1),
    (5, 1), (5, 2),
    (6, 1), (6, 2), (6, 3), (6, 4), (6, 5),
    (7, 1), (7, 2), (7, 3), (7, 4), (7, 5),
    (8, 1), (8, 2), (8, 3), (8, 4), (8, 5),
    (9, 6),
    (10, 2);

INSERT INTO app_user (openid, nickname, created_at, updated_at) VALUES
    ('dev:dept-city', '城管张队长', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3)),
    ('dev:dept-city2', '城管李队员', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3)),
    ('dev:dept-heating', '热力赵工', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3)),
    ('dev:dept-water', '供水刘工', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3)),
    ('dev:dept-police', '延安所周警官', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3)),
    ('dev:dept-property', '鸿达物业吴经理', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3)),
    ('dev:dept-sanitation', '环卫郑站长', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))
ON DUPLICATE KEY UPDATE nickname = VALUES(nickname);

INSERT IGNORE INTO user_role (user_id, role, scope_id, created_at)
SELECT id, 'RESIDENT', 0, UTC_TIMESTAMP(3) FROM app_user WHERE openid LIKE 'dev:dept-%';

INSERT IGNORE INTO user_role (user_id, role, scope_id, created_at)
SELECT u.id, 'DEPARTMENT', d.scope_id, UTC_TIMESTAMP(3) FROM app_user u JOIN (
    SELECT 'dev:dept-city' AS openid, 1 AS scope_id UNION ALL
    SELECT 'dev:dept-city2', 1 UNION ALL
    SELECT 'dev:dept-heating', 2 UNION ALL
    SELECT 'dev:dept-water', 3 UNION ALL
    SELECT 'dev:dept-police', 4 UNION ALL
    SELECT 'dev:dept-property', 5 UNION ALL
    SELECT 'dev:dept-sanitation', 6) d ON d.openid = u.openid;
