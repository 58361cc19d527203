-- Weekly rankings and 通报 (issue 17 §6): the reports still open at a week's end are those not resolved by
-- then, found by street or district as two short ranges of (scope, resolved_at): NULL (open now) and at or
-- after the week's end. Without these the query walks every report the scope ever had (the status-first
-- indexes of V22 bound it only for the reports filed in the week, listed by status).
CREATE INDEX idx_report_street_resolved ON report (street_id, resolved_at);
CREATE INDEX idx_report_district_resolved ON report (district_id, resolved_at);

-- A department's assignments of one week: V22's (department_id, status, assigned_at) cannot range on
-- assigned_at without naming the assignment statuses.
CREATE INDEX idx_report_assignment_assigned ON report_assignment (department_id, assigned_at);

-- Open311 GeoReport v2 (issue 17 §8): the newest requests of a span of at most 90 days, across the city.
CREATE INDEX idx_report_created ON report (created_at);
