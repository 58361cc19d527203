-- Issue 16 §7: every uploaded image goes through WeChat's media check (mediaCheckAsync); a wish whose
-- photo or text WeChat found risky, or could not judge, is flagged for its community admin.

-- PENDING: stored, not yet accepted by WeChat (WeChat down, or no openid): the media-check job retries it
-- CHECKING: WeChat accepted it (check_trace_id) and its callback has not come yet
-- PASSED: WeChat's callback said pass (or an admin released it) — the only status others are shown
-- REVIEW: WeChat said review, or no verdict came after the retries: hidden until an admin decides
-- WITHDRAWN: WeChat said risky (or an admin withdrew it): the file left the served folder
-- Images stored before this migration were shown already and never checked: they stay shown (PASSED).
ALTER TABLE media_image
    ADD COLUMN check_status       VARCHAR(12) NOT NULL DEFAULT 'PENDING',
    ADD COLUMN check_trace_id     VARCHAR(64) NULL,
    -- how many times the check was sent to WeChat (the job gives up after doorstep.media.check-attempts)
    ADD COLUMN check_attempts     INT         NOT NULL DEFAULT 0,
    -- the last time it was sent (or tried): a CHECKING image without a verdict past the deadline is resent
    ADD COLUMN check_requested_at DATETIME(3) NULL,
    -- WeChat's label for risky/review (e.g. 20002), or why it was escalated (NO_VERDICT, REFUSED_<errcode>)
    ADD COLUMN check_label        VARCHAR(32) NULL,
    ADD COLUMN checked_at         DATETIME(3) NULL,
    ADD KEY idx_media_image_check (check_status, check_requested_at),
    ADD KEY idx_media_image_trace (check_trace_id);

UPDATE media_image SET check_status = 'PASSED', check_label = 'BEFORE_CHECKS';

-- a photo or text of the wish needs an admin's look: PHOTO_RISKY | PHOTO_REVIEW | TEXT_REVIEW | TEXT_UNCHECKED
ALTER TABLE wish
    ADD COLUMN flag_reason VARCHAR(24) NULL,
    ADD COLUMN flagged_at  DATETIME(3) NULL,
    ADD KEY idx_wish_flagged (community_id, flagged_at);

-- the wish a withdrawn or held photo belongs to is found by its URL
ALTER TABLE wish_photo ADD KEY idx_wish_photo_url (url);
