-- Issue 16 §5: the pickups waiting at a station (its staff's list, soonest deadline first) and an
-- admin's list of a community's redemptions by date.
ALTER TABLE redemption
    ADD KEY idx_redemption_station (station_id, status, collect_by),
    ADD KEY idx_redemption_community (community_id, created_at);
