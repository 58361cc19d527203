-- Demo data for the local profile only: the coming 元旦 of 2027 (the migrations seed 2026's calendar), so the
-- service circle's when=holiday has a next public holiday to judge. A platform admin enters each year's days in
-- production (PUT /api/v1/admin/holidays/{date}); re-running is harmless.
INSERT IGNORE INTO public_holiday (day, kind, name, updated_at) VALUES
    ('2027-01-01', 'HOLIDAY', '元旦', UTC_TIMESTAMP(3)),
    ('2027-01-02', 'HOLIDAY', '元旦', UTC_TIMESTAMP(3)),
    ('2027-01-03', 'HOLIDAY', '元旦', UTC_TIMESTAMP(3));
