#!/usr/bin/env python3
"""Deterministic benchmark data for GET /stations/nearby.

Writes
  * an SQL file with N stations (multi-row INSERTs into the `station` table made by Flyway), and
  * the query list shared by the wrk scripts and the raw GEOSEARCH client: one line per query,
    "lat lng path" (the path already has lat/lng and the filters in its query string).

Stations are clustered around 100 city centres in north-east China (lat 39-48, lng 121-131):
23 real cities plus 77 made-up towns, each a 2-D Gaussian (sigma 5-11 km) whose size follows a
city's weight, so a 3 km query at a centre finds tens to a couple of hundred stations. About 1/4
are WARM, 3/4 SERVICE, a few both. Same seed, same bytes: only random() and gauss() of Python's
Mersenne Twister are used (stable across Python 3 versions).

Usage: gen_stations.py --count 100000 --seed 20251130 --sql out.sql --queries queries.txt
"""
import argparse
import math
import random

# (name, lat, lng, weight, sigma_km): GCJ-02 near enough for a benchmark
REAL_CITIES = [
    ("哈尔滨市", 45.8038, 126.5350, 5.0, 11), ("长春市", 43.8171, 125.3235, 5.0, 11),
    ("沈阳市", 41.8057, 123.4315, 5.0, 11), ("吉林市", 43.8378, 126.5494, 3.0, 9),
    ("大庆市", 46.5907, 125.1030, 2.5, 9), ("齐齐哈尔市", 47.3543, 123.9182, 2.5, 9),
    ("鞍山市", 41.1087, 122.9946, 2.5, 8), ("抚顺市", 41.8808, 123.9571, 2.0, 8),
    ("本溪市", 41.2944, 123.7665, 1.5, 7), ("丹东市", 40.1246, 124.3545, 1.5, 7),
    ("牡丹江市", 44.5516, 129.6332, 2.0, 8), ("佳木斯市", 46.7999, 130.3185, 2.0, 8),
    ("四平市", 43.1664, 124.3504, 1.5, 7), ("通化市", 41.7283, 125.9395, 1.5, 7),
    ("延吉市", 42.8910, 129.5089, 1.5, 7), ("白山市", 41.9390, 126.4240, 1.0, 6),
    ("松原市", 45.1411, 124.8250, 1.5, 7), ("锦州市", 41.0950, 121.1270, 2.0, 8),
    ("铁岭市", 42.2862, 123.8424, 1.5, 7), ("辽源市", 42.8880, 125.1436, 1.0, 6),
    ("绥化市", 46.6374, 126.9688, 1.5, 7), ("鸡西市", 45.2953, 130.9693, 1.5, 7),
    ("营口市", 40.6670, 122.2350, 2.0, 8),
]
DISTRICTS = ["中心区", "东城区", "西城区", "南关区", "北湖区", "新华区", "开发区", "高新区"]
ROADS = ["解放大路", "人民大街", "长江路", "黄河路", "松江路", "北京大街", "民主路", "胜利街",
         "建设路", "团结路", "和平街", "光明路", "新开街", "友谊路", "滨江路", "红旗街"]
AMENITIES = [("WATER", 0.8), ("CHARGING", 0.5), ("TOILET", 0.6), ("REST", 0.7), ("MICROWAVE", 0.35),
             ("FIRST_AID", 0.5), ("UMBRELLA", 0.4), ("WIFI", 0.5), ("READING", 0.3), ("HEATING_AC", 0.6)]
INTRO = ("为快递员、外卖骑手、环卫工人等户外劳动者提供休息、饮水、充电、热饭等暖心服务，"
         "欢迎就近歇脚。冬季供暖，夏季防暑降温，站内备有常用药品和雨具，请爱护公共设施。")
LEVELS = [("DISTRICT", 0.02), ("STREET", 0.12), ("COMMUNITY", 0.5), ("GRID", 1.0)]


def pick(rng, cumulative):
    x = rng.random()
    for value, upto in cumulative:
        if x < upto:
            return value
    return cumulative[-1][0]


def weekly_hours(rng):
    x = rng.random()
    if x < 0.55:   # daytime every day
        rules = [(d, "08:00", "20:00") for d in range(1, 8)]
    elif x < 0.70:  # office hours
        rules = [(d, "09:00", "17:30") for d in range(1, 6)] + [(6, "09:00", "12:00")]
    elif x < 0.85:  # round the clock
        rules = [(d, "00:00", "24:00") for d in range(1, 8)]
    elif x < 0.95:  # long day
        rules = [(d, "07:00", "22:00") for d in range(1, 8)]
    else:          # evenings, past midnight
        rules = [(d, "18:00", "02:00") for d in range(1, 8)]
    return "[" + ",".join('{"day":%d,"opens":"%s","closes":"%s"}' % r for r in rules) + "]"


def sql_str(s):
    return "NULL" if s is None else "'" + s.replace("\\", "\\\\").replace("'", "''") + "'"


def cities(rng):
    out = list(REAL_CITIES)
    n = 0
    while len(out) < 100:
        lat = 39.2 + rng.random() * 8.6
        lng = 121.2 + rng.random() * 9.6
        # keep towns apart from every other centre (about 35 km)
        if all(math.hypot((lat - c[1]) * 111, (lng - c[2]) * 111 * math.cos(math.radians(lat))) > 35 for c in out):
            n += 1
            out.append(("镇%02d" % n, round(lat, 4), round(lng, 4), 0.4 + rng.random() * 0.8, 5 + rng.random() * 3))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=20251130)
    ap.add_argument("--sql", required=True)
    ap.add_argument("--queries", required=True)
    ap.add_argument("--batch", type=int, default=1000)
    a = ap.parse_args()

    rng = random.Random(a.seed)
    centres = cities(rng)
    total_weight = sum(c[3] for c in centres)
    cumulative, acc = [], 0.0
    for i, c in enumerate(centres):
        acc += c[3] / total_weight
        cumulative.append((i, acc))

    cols = ("community_id, name, kinds, service_level, address, lat, lng, phone, intro, photos, amenities, audience, "
            "weekly_hours, holiday_policy, live_status, live_note, live_updated_at, checkin_code, status, version, "
            "created_at, updated_at")
    created = "2025-11-01 00:00:00.000"
    with open(a.sql, "w", encoding="utf-8") as f:
        f.write("SET NAMES utf8mb4;\nSET autocommit = 0;\nSET unique_checks = 0;\n")
        rows = []
        for i in range(1, a.count + 1):
            ci = pick(rng, cumulative)
            cname, clat, clng, _, sigma = centres[ci]
            lat = clat + rng.gauss(0, sigma) / 111.0
            lng = clng + rng.gauss(0, sigma) / (111.0 * math.cos(math.radians(clat)))
            k = rng.random()
            kinds = "WARM" if k < 0.24 else ("SERVICE" if k < 0.96 else "SERVICE,WARM")
            level = pick(rng, LEVELS) if "SERVICE" in kinds else None
            label = {"WARM": "暖心驿站", "SERVICE": "党群服务站", "SERVICE,WARM": "党群服务暨暖心驿站"}[kinds]
            district = DISTRICTS[int(rng.random() * len(DISTRICTS))]
            road = ROADS[int(rng.random() * len(ROADS))]
            name = "%s%s%s%d号" % (cname, district, label, i)
            address = "%s%s%s%d号" % (cname, district, road, 1 + int(rng.random() * 999))
            phone = "0432-6%07d" % int(rng.random() * 10_000_000)
            intro = INTRO[: 20 + int(rng.random() * (len(INTRO) - 20))]
            nphotos = int(rng.random() * 4) if rng.random() < 0.5 else 0
            photos = "[" + ",".join('"https://img.example.com/stations/%d/%d.jpg"' % (i, p) for p in range(nphotos)) + "]"
            amenities = ",".join(n for n, p in AMENITIES if rng.random() < p)
            audience = "RIDERS_ONLY" if rng.random() < 0.1 else "PUBLIC"
            policy = "IGNORE_CALENDAR" if rng.random() < 0.2 else "FOLLOW_CALENDAR"
            s = rng.random()
            live = "OPEN" if s < 0.85 else "BUSY" if s < 0.93 else "FULL" if s < 0.97 else "CLOSED_TODAY"
            note = None if live == "OPEN" else {"BUSY": "人较多", "FULL": "座位已满", "CLOSED_TODAY": "今日临时闭站"}[live]
            live_at = None if live == "OPEN" else "2025-11-20 02:00:00.000"
            code = "BN%07d%08x" % (i, int(rng.random() * 0xFFFFFFFF))
            community = (ci + 1) * 1000 + 1 + int(rng.random() * 200)
            rows.append("(%d,%s,'%s',%s,%s,%.7f,%.7f,'%s',%s,'%s','%s','%s','%s','%s','%s',%s,%s,'%s','ACTIVE',0,'%s','%s')" % (
                community, sql_str(name), kinds, sql_str(level), sql_str(address), lat, lng, phone, sql_str(intro),
                photos, amenities, audience, weekly_hours(rng), policy, live, sql_str(note), sql_str(live_at),
                code, created, created))
            if len(rows) == a.batch or i == a.count:
                f.write("INSERT INTO station (" + cols + ") VALUES\n" + ",\n".join(rows) + ";\n")
                rows = []
        f.write("COMMIT;\n")

    # Queries: each centre jittered (sigma 1 km), in four variants, shuffled; kind=WARM throughout.
    variants = ["", "&amenities=WATER", "&openNow=true", "&amenities=WATER,CHARGING&openNow=true"]
    queries = []
    for cname, clat, clng, _, _ in centres:
        for v in variants:
            lat = clat + rng.gauss(0, 1.0) / 111.0
            lng = clng + rng.gauss(0, 1.0) / (111.0 * math.cos(math.radians(clat)))
            path = "/api/v1/stations/nearby?lat=%.6f&lng=%.6f&radius=3000&kind=WARM%s&page=1&size=20" % (lat, lng, v)
            queries.append("%.6f %.6f %s" % (lat, lng, path))
    for i in range(len(queries) - 1, 0, -1):  # Fisher-Yates with random() only
        j = int(rng.random() * (i + 1))
        queries[i], queries[j] = queries[j], queries[i]
    with open(a.queries, "w", encoding="utf-8") as f:
        f.write("\n".join(queries) + "\n")


if __name__ == "__main__":
    main()
