-- What the last fold of a community's family read, by the database's clock: when it began reading the source
-- (after taking the stats_fold row) and which days. A fold asked for at T whose days a later-begun fold already
-- read (read_at > T) has nothing to add and is skipped: a burst of events in one community no longer queues one
-- full fold per event behind the lock (seen in ops/cluster-test.sh: 500+ folds of one community's day backed up).
ALTER TABLE stats_fold
    ADD COLUMN read_at   DATETIME(6) NULL,
    ADD COLUMN read_from DATE        NULL,
    ADD COLUMN read_to   DATE        NULL;
