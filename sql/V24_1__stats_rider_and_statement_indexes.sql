-- The rider and points modules' daily facts for the statistics (RiderStatistics, PointsStatistics):
-- check-ins at a station by day, registrations and verifications by home community and time, statements
-- issued by community and time.
ALTER TABLE rider_checkin ADD KEY idx_rider_checkin_station (station_id, checkin_date);
ALTER TABLE rider ADD KEY idx_rider_community_created (home_community_id, created_at);
ALTER TABLE rider ADD KEY idx_rider_community_reviewed (home_community_id, reviewed_at);
ALTER TABLE points_statement ADD KEY idx_points_statement_community (community_id, issued_at);
