-- Weekly rankings and 通报 (issue 17 §6): the reports still open at a week's end are those not resolved by
-- then, found by street or district as two short ranges of (scope, resolved_at): NULL (open now) and at or
-- after the week's end. Without these the query walks every report the scope ever had (the status-first
-- indexes of V22 bound it only for the reports filed in the week, listed by status). EXPLAIN on MariaDB
-- 11.4 with 20,000 reports over two years: the street's overdue count ranges idx_report_street_resolved
-- (~650 rows), the district's idx_report_district_resolved; the week's reports range idx_report_street.
CREATE INDEX idx_report_street_resolved ON report (street_id, resolved_at);
CREATE INDEX idx_report_district_resolved ON report (district_id, resolved_at);

-- A department's assignments of one week: V22's (department_id, status, assigned_at) cannot range on
-- assigned_at without naming the assignment statuses (EXPLAIN: a range of ~100 rows, then the report by
-- its primary key; the overdue assignments are found from the reports' side through uk_report_assignment).
CREATE INDEX idx_report_assignment_assigned ON report_assignment (department_id, assigned_at);

-- Open311 GeoReport v2 (issue 17 §8): the newest requests of a span of at most 90 days, across the city
-- (EXPLAIN: a range read backwards, no filesort, stopping at 1000).
CREATE INDEX idx_report_created ON report (created_at);
