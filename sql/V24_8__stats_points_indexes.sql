-- The reward module's daily facts for the statistics (RewardStatistics): a community's redemptions by the time they
-- were made. (The ledger's facts use idx_points_ledger_rank (community_id, created_at) of V6.)
ALTER TABLE redemption ADD KEY idx_redemption_community_created (community_id, created_at);
