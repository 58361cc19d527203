-- Issue 16 §5: activities have a kind, what residents filter "activities near me" by.

ALTER TABLE booking_activity
    -- MARKET (集市) | HAIRCUT (义剪) | CLINIC (义诊) | LECTURE (讲座) | CULTURE (文体) | SERVICE (志愿服务) | OTHER
    ADD COLUMN kind VARCHAR(12) NOT NULL DEFAULT 'OTHER' AFTER title,
    -- activities near me and a station's next ones: the stations' activities by the time they end
    ADD KEY idx_booking_activity_station_end (station_id, ends_at);
