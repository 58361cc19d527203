-- The party module's daily facts for the cockpit (PartyStatistics): registrations a community confirmed on a
-- day, and the service its members did in a community on a day (by the wish's confirmation time).
ALTER TABLE party_registration ADD KEY idx_party_registration_reviewed (community_id, status, reviewed_at);
ALTER TABLE party_service ADD KEY idx_party_service_community (community_id, confirmed_at);
