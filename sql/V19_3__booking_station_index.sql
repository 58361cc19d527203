-- Issue 16 §5: bookings by station and start (an admin's list and 台账 of their communities' stations,
-- staff looking a resident up among the day's bookings at their station).
ALTER TABLE booking ADD KEY idx_booking_station_start (station_id, starts_at);
