-- A redemption about to expire uncollected is announced once (issue 16 §4): when the reminder went out.
ALTER TABLE redemption ADD COLUMN reminded_at DATETIME(3) NULL;
