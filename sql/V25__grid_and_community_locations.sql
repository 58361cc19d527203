-- The 15-minute service circle (15分钟红色便民服务圈): where a grid and a community lie (their centroid,
-- GCJ-02 like every coordinate here) and how many households they hold, when known. The coverage module
-- measures the share of grids within walking distance of an open station from these.
-- A location is both coordinates or neither; households NULL means not known (never 0 by default).

ALTER TABLE grid
    ADD COLUMN lat        DECIMAL(10, 7) NULL,
    ADD COLUMN lng        DECIMAL(10, 7) NULL,
    ADD COLUMN households INT            NULL,
    ADD CONSTRAINT ck_grid_location CHECK ((lat IS NULL) = (lng IS NULL)),
    ADD CONSTRAINT ck_grid_households CHECK (households IS NULL OR households >= 0);

ALTER TABLE community
    ADD COLUMN lat        DECIMAL(10, 7) NULL,
    ADD COLUMN lng        DECIMAL(10, 7) NULL,
    ADD COLUMN households INT            NULL,
    ADD CONSTRAINT ck_community_location CHECK ((lat IS NULL) = (lng IS NULL)),
    ADD CONSTRAINT ck_community_households CHECK (households IS NULL OR households >= 0);
