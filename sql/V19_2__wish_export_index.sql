-- Issue 16 §5: the wishes of a community posted in a period (the 台账 export).
ALTER TABLE wish ADD KEY idx_wish_community_created (community_id, created_at);
