-- The party module's daily facts for the statistics (PartyStatistics): a community's credited services by the
-- time of the wish's confirmation.
ALTER TABLE party_service ADD KEY idx_party_service_community (community_id, confirmed_at);
