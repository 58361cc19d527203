-- A community admin confirms (or rejects) the party registration they read: every change of it bumps
-- the version, and a decision names the version it was made on (as riders' reviews do since V4).
ALTER TABLE party_registration ADD COLUMN version INT NOT NULL DEFAULT 0 AFTER reviewed_at;
