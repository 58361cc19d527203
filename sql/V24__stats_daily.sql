-- The cockpit's (数字驾驶舱) statistics read model: daily aggregate rows per community (and station where
-- a metric has one), folded by the stats module from the source modules' own read methods. Never the
-- record of anything: every row can be rebuilt from the source tables (POST /api/v1/admin/stats/rebuild).
--
-- metric:    e.g. wish.posted, wish.status, wish.claim_min (see stats/StatsMetrics)
-- dimension: what the value is broken down by ('' when nothing): a status, a category, or for the
--            duration histograms the lower bound of a fixed bucket in minutes (stats/Durations)
-- value:     a count (or a sum, for the *_sum metrics)
CREATE TABLE stats_daily (
    metric       VARCHAR(32) NOT NULL,
    community_id BIGINT      NOT NULL,
    -- China-time date of the fact
    day          DATE        NOT NULL,
    -- 0 when the metric has no station
    station_id   BIGINT      NOT NULL DEFAULT 0,
    dimension    VARCHAR(32) NOT NULL DEFAULT '',
    value        BIGINT      NOT NULL,
    updated_at   DATETIME(3) NOT NULL,
    -- a scope's metric over a date range: (metric, community) ranges, days within
    PRIMARY KEY (metric, community_id, day, station_id, dimension),
    -- a fold replaces one community's days
    KEY idx_stats_daily_fold (community_id, day)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The wish module's daily facts: wishes confirmed on a day in a community (WishStatistics).
ALTER TABLE wish ADD KEY idx_wish_community_confirmed (community_id, confirmed_at);

-- One row per community and family of metrics (wish, booking...): a fold takes it first (an upsert, so an
-- exclusive lock even on the first fold), so two folds of one community never interleave and the later
-- one reads the source after the earlier one committed.
CREATE TABLE stats_fold (
    community_id BIGINT      NOT NULL,
    family       VARCHAR(16) NOT NULL,
    folded_at    DATETIME(3) NOT NULL,
    PRIMARY KEY (community_id, family)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
