#!/usr/bin/env python3
"""Deterministic data for the coverage benchmark: SQL for districts, streets, communities, grids (placed, with
households) and service stations, in the tables Flyway made, and a platform admin.

One "city" is laid out like Jilin: 5 districts x 10 streets, communities of about 8 grids, 3,612 grids and 797
service stations per city, all within ~15 km of the city centre (community centres a Gaussian of 5 km, grids
within ~500 m of their community's centre; stations a Gaussian of 5 km, a third of them next to a community
centre, as community stations are). --cities 10 makes ten such cities (Jilin and nine more centres in north-east
China): the 10x case, 36,120 grids and 7,970 stations, at the same density.

Hours: 60 % office hours (Mon-Fri 08:30-17:00, Sat 09:00-12:00, follow the holiday calendar), 20 % 08:00-20:00
daily, 10 % 07:00-22:00 daily, 10 % round the clock. Households 200-1,500 (10 % unknown); 1 % of grids unplaced.
Python's random (Mersenne Twister) with a fixed seed: the same bytes on every run.
"""
import argparse
import math
import random

CENTRES = [("吉林", 43.8436, 126.5496), ("长春", 43.8171, 125.3235), ("四平", 43.1664, 124.3505),
           ("辽源", 42.8880, 125.1437), ("通化", 41.7285, 125.9399), ("白山", 41.9394, 126.4142),
           ("松原", 45.1411, 124.8250), ("白城", 45.6196, 122.8390), ("延吉", 42.8913, 129.5089),
           ("敦化", 43.3725, 128.2321)]
DISTRICTS = ["昌邑区", "船营区", "龙潭区", "丰满区", "高新区"]
GRIDS_PER_CITY = 3612
STATIONS_PER_CITY = 797
STREETS_PER_DISTRICT = 10


def hours(rng):
    x = rng.random()
    if x < 0.6:
        return [(d, "08:30", "17:00") for d in range(1, 6)] + [(6, "09:00", "12:00")], "FOLLOW_CALENDAR"
    if x < 0.8:
        return [(d, "08:00", "20:00") for d in range(1, 8)], "FOLLOW_CALENDAR"
    if x < 0.9:
        return [(d, "07:00", "22:00") for d in range(1, 8)], "IGNORE_CALENDAR"
    return [(d, "00:00", "24:00") for d in range(1, 8)], "IGNORE_CALENDAR"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--cities", type=int, default=1)
    p.add_argument("--seed", type=int, default=797)
    p.add_argument("--admin", type=int, default=9200001)
    p.add_argument("--sql", required=True)
    a = p.parse_args()
    rng = random.Random(a.seed)
    out = ["SET NAMES utf8mb4;", "SET autocommit = 0;"]
    districts, streets, communities, grids, stations = [], [], [], [], []
    did = sid = cid = gid = 0
    for c in range(a.cities):
        cname, clat, clng = CENTRES[c]
        cos = math.cos(math.radians(clat))
        city_communities = []
        grids_left = GRIDS_PER_CITY
        for d in range(5):
            did += 1
            districts.append("(%d,'%s%s',%s,%d)" % (did, cname, DISTRICTS[d], "'B%05d'" % did, did))
            # a district's sector of the city: its communities' centres lie in its 72-degree slice
            for s in range(STREETS_PER_DISTRICT):
                sid += 1
                streets.append("(%d,%d,'%s第%d街道')" % (sid, did, cname, sid))
                # ~9 communities per street, ~8 grids each; the last street takes what is left
                per_street = GRIDS_PER_CITY // (5 * STREETS_PER_DISTRICT)
                n_grids = per_street if (d, s) != (4, STREETS_PER_DISTRICT - 1) else grids_left
                grids_left -= n_grids
                angle = math.radians(72 * d + rng.uniform(0, 72))
                while n_grids > 0:
                    cid += 1
                    r = abs(rng.gauss(0, 5.0))  # km from the centre
                    a_ = angle + rng.uniform(-0.3, 0.3)
                    lat = clat + r * math.sin(a_) / 111.2
                    lng = clng + r * math.cos(a_) / (111.2 * cos)
                    k = min(n_grids, rng.randint(6, 10))
                    n_grids -= k
                    total = 0
                    for g in range(k):
                        gid += 1
                        h = None if rng.random() < 0.1 else rng.randint(200, 1500)
                        total += h or 0
                        if rng.random() < 0.01:
                            glat = glng = "NULL"
                        else:
                            dd = rng.uniform(50, 500)
                            b = rng.uniform(0, 2 * math.pi)
                            glat = "%.7f" % (lat + dd * math.sin(b) / 111_200)
                            glng = "%.7f" % (lng + dd * math.cos(b) / (111_200 * cos))
                        grids.append("(%d,%d,'第%d网格',%s,%s,%s)" % (gid, cid, g + 1, glat, glng,
                                                                  "NULL" if h is None else h))
                    communities.append("(%d,%d,'社区%d',%.7f,%.7f,%d)" % (cid, sid, cid, lat, lng, total))
                    city_communities.append((cid, lat, lng))
        for i in range(STATIONS_PER_CITY):
            if rng.random() < 0.33:
                comm, lat, lng = city_communities[int(rng.random() * len(city_communities))]
                lat += rng.gauss(0, 150) / 111_200
                lng += rng.gauss(0, 150) / (111_200 * cos)
            else:
                comm = city_communities[int(rng.random() * len(city_communities))][0]
                r = abs(rng.gauss(0, 5.0))
                b = rng.uniform(0, 2 * math.pi)
                lat = clat + r * math.sin(b) / 111.2
                lng = clng + r * math.cos(b) / (111.2 * cos)
            rules, policy = hours(rng)
            weekly = "[" + ",".join('{"day":%d,"opens":"%s","closes":"%s"}' % r for r in rules) + "]"
            kinds = "SERVICE,WARM" if rng.random() < 0.1 else "SERVICE"
            n = len(stations) + 1
            stations.append("(%d,'%s党群服务站%d号','%s','GRID','%s某路%d号',%.7f,%.7f,'[]','','PUBLIC','%s','%s','OPEN',"
                            "'BC%08d','ACTIVE',0,'2026-11-01 00:00:00','2026-11-01 00:00:00')"
                            % (comm, cname, n, kinds, cname, n, lat, lng, weekly, policy, n))

    def insert(table, cols, rows, batch=2000):
        for i in range(0, len(rows), batch):
            out.append("INSERT INTO %s (%s) VALUES\n%s;" % (table, cols, ",\n".join(rows[i:i + batch])))

    insert("district", "id, name, adcode, sort_order", districts)
    insert("street", "id, district_id, name", streets)
    insert("community", "id, street_id, name, lat, lng, households", communities)
    insert("grid", "id, community_id, name, lat, lng, households", grids)
    insert("station", "community_id, name, kinds, service_level, address, lat, lng, photos, amenities, audience, "
                      "weekly_hours, holiday_policy, live_status, checkin_code, status, version, created_at, updated_at",
           stations)
    out.append("INSERT INTO app_user (id, openid, created_at, updated_at) VALUES (%d, 'bench-coverage', UTC_TIMESTAMP(3), "
               "UTC_TIMESTAMP(3));" % a.admin)
    out.append("INSERT INTO user_role (user_id, role, scope_id, created_at) VALUES (%d, 'RESIDENT', 0, UTC_TIMESTAMP(3)), "
               "(%d, 'PLATFORM', 0, UTC_TIMESTAMP(3));" % (a.admin, a.admin))
    # the coming 元旦 (the seeded calendar is 2026's): when=holiday needs a public holiday from today on
    out.append("INSERT IGNORE INTO public_holiday (day, kind, name, updated_at) VALUES ('2027-01-01', 'HOLIDAY', '元旦', "
               "UTC_TIMESTAMP(3)), ('2027-01-02', 'HOLIDAY', '元旦', UTC_TIMESTAMP(3)), ('2027-01-03', 'HOLIDAY', '元旦', "
               "UTC_TIMESTAMP(3));")
    out.append("COMMIT;")
    with open(a.sql, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    print("cities=%d districts=%d streets=%d communities=%d grids=%d stations=%d"
          % (a.cities, len(districts), len(streets), len(communities), len(grids), len(stations)))


if __name__ == "__main__":
    main()
