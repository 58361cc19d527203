-- A community admin confirms (or rejects) the party registration they read: every change of it bumps
-- the version, and a decision names the version it was made on (as riders' reviews do since V4).
ALTER TABLE party_registration ADD COLUMN version INT NOT NULL DEFAULT 0 AFTER reviewed_at;

-- An Idempotency-Key may be 64 characters (DESIGN §6), and the references built from one hold more:
-- an adjustment's or a volunteer-service award's ref_id is '<operator id>:<key>' (at most 19 + 1 + 64
-- = 84 characters), a restock's ref 'restock:<admin id>:<key>' (at most 92). At 64 and 80 they
-- overflowed (a 500, nothing saved). Widening keeps every stored reference as it is, so a retry of a
-- request made before this migration still finds its entry.
ALTER TABLE points_ledger MODIFY COLUMN ref_id VARCHAR(128) NOT NULL;
ALTER TABLE reward_stock_in MODIFY COLUMN ref VARCHAR(128) NOT NULL;
